package dev.mnemo.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The local rules on the labelled routing sets: accuracy, the share that goes to the cheap model, the share the
 * rules are unsure of (sent to the model classifier when one is configured), and the confusion matrix, written to
 * {@code target/bench/routing-*.txt} (copied into BENCHMARKS.md). Fails when accuracy drops below the floor set
 * from the measured level: {@code labelled-messages.tsv} is the set the rules were written against,
 * {@code held-out-messages.tsv} was written apart from them and is the honest number.
 */
class RoutingAccuracyTest {

    @ParameterizedTest
    @CsvSource({"labelled-messages, 0.97", "held-out-messages, 0.92"})
    void localRulesOnALabelledSet(String set, double floor) throws IOException {
        List<String[]> rows;
        try (InputStream in = getClass().getResourceAsStream("/routing/" + set + ".tsv")) {
            rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .filter(line -> !line.isBlank()).map(line -> line.split("\t", 2)).toList();
        }
        LocalRules rules = new LocalRules();
        Map<Route, Map<Route, Integer>> confusion = new EnumMap<>(Route.class);
        int correct = 0;
        int cheap = 0;
        int unsure = 0;
        for (String[] row : rows) {
            Route expected = Route.valueOf(row[0]);
            LocalRules.Verdict verdict = rules.judge(row[1], null);
            confusion.computeIfAbsent(expected, r -> new EnumMap<>(Route.class)).merge(verdict.route(), 1, Integer::sum);
            correct += expected == verdict.route() ? 1 : 0;
            cheap += verdict.route() == Route.SIMPLE || (verdict.route() == Route.TOOL) ? 1 : 0;
            unsure += verdict.sure() ? 0 : 1;
        }
        double accuracy = (double) correct / rows.size();
        StringBuilder report = new StringBuilder(("Local rules on %s (%d messages): accuracy %.1f%%, cheap model %.1f%% "
                + "(SIMPLE, and TOOL at the default cheap tool tier; COMMAND needs none), rules unsure %.1f%%%n")
                .formatted(set, rows.size(), 100 * accuracy, 100.0 * cheap / rows.size(), 100.0 * unsure / rows.size()));
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
        Path out = Path.of("target", "bench", "routing-" + set + ".txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertThat(accuracy).as("routing accuracy on " + set).isGreaterThanOrEqualTo(floor);
    }
}
