package dev.mnemo.memory.write;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each rule of an offline correction: a change said, about the same subject, and nothing that only adds. */
class CorrectionsTest {

    @ParameterizedTest(name = "{0} ← {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "My sister Ana lives in Porto. | actually ana moved to lisbon | true",
            "My sister Ana lives in Porto. | she's in lisbon now | true",
            "I'm dating Mark. | we broke up | true",
            "I'm vegetarian. | not vegetarian anymore | true",
            "My dog Max is 3 years old. | max turned 4 last week | true",
            "Book club meets on Wednesday. | book club is on fridays | true",
            "My sister Ana lives in Porto. | my brother lives in porto too | false",
            "I'm married to Sarah. | my brother got divorced | false",
            "Tom is allergic to nuts. | tom's also allergic to shellfish | false",
            "I work at Deloitte. | still at deloitte, 5 years now | false",
            "Dentist appointment on Friday at 3pm. | remind me about the dentist friday | false",
            "I'm on the keto diet. | now it's raining, great | false"})
    void aChangeAboutTheSameSubjectReplacesTheOlderMemory(String older, String newer, boolean replaces) {
        assertThat(Corrections.replaces(older, newer, Statements.isCorrection(newer), 0.7)).isEqualTo(replaces);
    }

    @ParameterizedTest(name = "below the same topic: {0} ← {1}")
    @CsvSource(delimiter = '|', value = {"I live in Chicago. | we moved to denver last month"})
    void statementsAboutDifferentThingsNeverReplaceEachOther(String older, String newer) {
        assertThat(Corrections.replaces(older, newer, true, Corrections.SAME_TOPIC - 0.01)).isFalse();
        assertThat(Corrections.replaces(older, newer, true, Corrections.SAME_TOPIC)).isTrue();
    }
}
