package dev.mnemo.routing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How the zero-cost local router does on the labelled routing set (test resource
 * {@code routing/labelled-messages.tsv}): accuracy, the share sent to the cheap model, and the confusion
 * matrix. A measurement for now — the Router issue turns it into a test with a floor.
 * Run: {@code ./mvnw -Pbench test -Dtest=RoutingAccuracyBenchmark}.
 */
@Tag("benchmark")
class RoutingAccuracyBenchmark {

    @Test
    void localRulesOnTheLabelledSet() throws IOException {
        List<String[]> rows;
        try (InputStream in = getClass().getResourceAsStream("/routing/labelled-messages.tsv")) {
            rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .filter(line -> !line.isBlank()).map(line -> line.split("\t", 2)).toList();
        }
        LocalRulesRouter router = new LocalRulesRouter();
        Map<Route, Map<Route, Integer>> confusion = new EnumMap<>(Route.class);
        int correct = 0;
        int cheap = 0;
        for (String[] row : rows) {
            Route expected = Route.valueOf(row[0]);
            Route actual = router.route("bench", row[1]).route();
            confusion.computeIfAbsent(expected, r -> new EnumMap<>(Route.class)).merge(actual, 1, Integer::sum);
            correct += expected == actual ? 1 : 0;
            cheap += actual == Route.SIMPLE ? 1 : 0;
        }
        StringBuilder report = new StringBuilder("Local rules router on %d labelled messages: accuracy %.1f%%, cheap model %.1f%%%n"
                .formatted(rows.size(), 100.0 * correct / rows.size(), 100.0 * cheap / rows.size()));
        report.append("| labelled \\ routed |");
        for (Route r : Route.values()) {
            report.append(' ').append(r).append(" |");
        }
        report.append("\n|---|---|---|---|---|\n");
        for (Route expected : Route.values()) {
            report.append("| ").append(expected).append(" |");
            for (Route actual : Route.values()) {
                report.append(' ').append(confusion.getOrDefault(expected, Map.of()).getOrDefault(actual, 0)).append(" |");
            }
            report.append('\n');
        }
        System.out.println(report);
        Path out = Path.of("target", "bench", "routing-accuracy.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }
}
