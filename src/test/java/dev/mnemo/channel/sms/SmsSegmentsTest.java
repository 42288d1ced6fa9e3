package dev.mnemo.channel.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Twilio's segment arithmetic (ANCHORS: 160 GSM-7 characters, 153 concatenated; 70 UCS-2, 67 concatenated). */
class SmsSegmentsTest {

    @ParameterizedTest
    @CsvSource({"a, 160, 1", "a, 161, 2", "a, 306, 2", "a, 307, 3", "é, 160, 1", "€, 80, 1", "€, 81, 2",
            "ç, 70, 1", "ç, 71, 2", "ç, 134, 2", "ç, 135, 3"})
    void segmentsByAlphabetAndLength(String character, int length, int segments) {
        assertThat(SmsSegments.count(character.repeat(length))).isEqualTo(segments);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"it’s “fine” — really…|it's \"fine\" - really...", "• one|- one"})
    void typographicCharactersBecomeTheirGsmTwins(String text, String gsm) {
        assertThat(SmsSegments.gsm(text)).isEqualTo(gsm);
        assertThat(SmsSegments.count(SmsSegments.gsm(text) + "x".repeat(120))).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "4, 4", "' 2 ', 2", "x, 1", ", 1"})
    void twiliosCountWinsWhenItGivesOne(String reported, int segments) {
        assertThat(TwilioGateway.segments(reported, "short")).isEqualTo(segments);
    }
}
