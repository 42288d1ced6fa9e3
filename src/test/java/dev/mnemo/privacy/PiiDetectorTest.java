package dev.mnemo.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PiiDetectorTest {
    private final PiiDetector detector = new PiiDetector();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "write to ana.silva@example.com please        | EMAIL",
            "call me on +351 912 345 678                   | PHONE",
            "card 4111 1111 1111 1111 exp 12/28            | CREDIT_CARD",
            "IBAN PT50 0002 0123 1234 5678 9015 4          | IBAN",
            "ssn 078-05-1123                               | US_SSN",
            "server at 192.168.1.20 is down                | IP_ADDRESS",
            "ipv6 2001:db8::8a2e:370:7334 works            | IP_ADDRESS",
            "clone https://bob:hunter2@git.example.com/x   | URL_WITH_CREDENTIALS",
            "key sk-ant-api03-AbCdEf0123456789ghijKLMNop   | SECRET",
            "aws AKIAIOSFODNN7EXAMPLE                      | SECRET",
            "token 9fQ2xL7pZ3vN8kR1tY6wB4mC0sD5hJ2g        | SECRET",
    })
    void findsEachKind(String text, PiiType type) {
        assertThat(detector.find(text)).extracting(PiiFinding::type).containsExactly(type);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "meet me at 10:30 on 2026-03-14                 ",
            "the order 1234 5678 9012 3456 was late         ",
            "version 1.2.3.4000 of the app                  ",
            "internationalization is a long English word    ",
            "I ran 10 km in 52 minutes                      ",
            "user cost-8fe7daad-2950-403b-8401-5d13df0ea902 ",
            "message 019c3f4e-7a1b-7c2d-9e8f-0123456789ab   ",
    })
    void leavesOrdinaryTextAlone(String text) {
        assertThat(detector.find(text)).isEmpty();
    }

    @Test
    void aRedactionIsReversibleOnlyThroughItsOwnMapping() {
        Redaction redaction = new Redaction(detector);
        String sent = redaction.redact("Email ana@example.com or call +351 912 345 678; again: ana@example.com");

        assertThat(sent).matches("Email (\\[EMAIL_[0-9a-f]{4}_1]) or call \\[PHONE_[0-9a-f]{4}_1]; again: \\1");
        String placeholder = sent.substring(6, sent.indexOf(']') + 1);
        assertThat(redaction.restore("I'll write to " + placeholder + ".")).isEqualTo("I'll write to ana@example.com.");
        assertThat(new Redaction(detector).restore(placeholder)).isEqualTo(placeholder); // another exchange's mapping
        assertThat(redaction.restore("[EMAIL_1] typed by hand")).isEqualTo("[EMAIL_1] typed by hand");
    }

    @Test
    void logLinesLoseTheValuesButKeepTheirKind() {
        assertThat(LogRedaction.redact("user wrote 4111-1111-1111-1111 and bob@example.org"))
                .isEqualTo("user wrote [CREDIT_CARD] and [EMAIL]");
    }
}
