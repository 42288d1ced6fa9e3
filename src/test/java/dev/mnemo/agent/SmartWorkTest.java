package dev.mnemo.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.llm.ChatTurn;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which complex messages get the smart model, on the hand-labelled complex messages of both routing sets
 * ({@code routing/complex-tiers.tsv}): accuracy, the share sent to the smart model, and the misses, written to
 * {@code target/bench/smart-work-*.txt} for BENCHMARKS.md. The rule was tuned on the tuning set; the held-out set
 * is the honest figure. Floors are set from the measured levels.
 */
class SmartWorkTest {

    @ParameterizedTest
    @CsvSource({"tuning, 0.95", "held-out, 0.85"})
    void theRuleOnTheLabelledComplexMessages(String set, double floor) throws IOException {
        List<String[]> rows;
        try (InputStream in = getClass().getResourceAsStream("/routing/complex-tiers.tsv")) {
            rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("tier\t"))
                    .map(line -> line.split("\t", 3)).filter(row -> row[1].equals(set)).toList();
        }
        int correct = 0;
        int smart = 0;
        int labelledSmart = 0;
        List<String> misses = new ArrayList<>();
        for (String[] row : rows) {
            boolean expected = row[0].equals("SMART");
            boolean actual = SmartWork.needsSmart(row[2]);
            labelledSmart += expected ? 1 : 0;
            smart += actual ? 1 : 0;
            if (expected == actual) {
                correct++;
            } else {
                misses.add((expected ? "SMART as cheap: " : "CHEAP as smart: ") + row[2]);
            }
        }
        double accuracy = (double) correct / rows.size();
        String report = ("Smart model for complex messages, %s set (%d): accuracy %.1f%%, sent to the smart model %d "
                + "(labelled smart %d)%n%s%n").formatted(set, rows.size(), 100 * accuracy, smart, labelledSmart,
                String.join("\n", misses));
        Path out = Path.of("target", "bench", "smart-work-" + set + ".txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.print(report);
        assertThat(rows).hasSizeGreaterThan(30);
        assertThat(accuracy).as(report).isGreaterThanOrEqualTo(floor);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"what's the zip code for the new office and should we move there?",
            "i've had a stomach bug for 3 days, should i see a doctor or wait?",
            "is it exceptional to ask for a raise after 6 months?",
            "how do i make it to the airport by 6 if my train is late?", "how should i react when my boss yells at me?",
            "should i write to my ex after the breakup?", "should i plan to retire at 60?",
            "what's the story with the new tax rules?", "my kidney function results came back low, what does it mean?",
            "my schedule is packed, should i quit the gym?", "is a budget airline safe for a long flight?"})
    void wordsThatOnlyLookLikeWorkStayOnTheCheapModel(String text) {
        assertThat(SmartWork.needsSmart(text)).isFalse();
    }

    @Test
    void aShortFollowUpReworksTheAnswerBeforeIt() {
        List<ChatTurn> afterAPlan = List.of(ChatTurn.user("plan a 5-day trip to portugal, budget 2000 euros"),
                ChatTurn.assistant("Day 1: Lisbon…"));
        List<ChatTurn> afterAdvice = List.of(ChatTurn.user("should i rent or buy in lisbon?"),
                ChatTurn.assistant("It depends…"));

        assertThat(SmartWork.needsSmart("ok but what if the budget is half that?", afterAPlan)).isTrue();
        assertThat(SmartWork.needsSmart("ok but what if the budget is half that?", afterAdvice)).isFalse();
        assertThat(SmartWork.needsSmart("ok but what if the budget is half that? " + "and also ".repeat(10)
                + "tell me which neighbourhood is the quietest for a family with a dog", afterAPlan))
                .as("a long message stands on its own").isFalse();
    }
}
