package dev.mnemo.memory.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.memory.MemoryKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatementsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "My sister is Ana.                    | my sister   | ana",
            "Actually my sister is Ana, not Anna  | my sister   | ana",
            "The user's sister is called Ana.     | my sister   | ana",
            "I live in Porto.                     | residence   | porto",
            "I moved to Lisbon                    | residence   | lisbon",
            "The user recently moved to Lisbon.   | residence   | lisbon",
            "I work at Acme.                      | employer    | acme",
            "My name is Sam                       | name        | sam",
            "I'm 34                               | age         | 34",
    })
    void findsTheSlotAStatementFills(String text, String slot, String value) {
        assertThat(Statements.slot(text)).contains(new Statements.SlotValue(slot, value));
    }

    @Test
    void whereSomeoneElseLivesIsNotTheUsersResidence() {
        assertThat(Statements.slot("My sister lives in Porto.")).isEmpty();
        assertThat(Statements.slot("The user's boss works at Initech.")).isEmpty();
        assertThat(Slots.conflict("I live in Braga.", "My sister lives in Porto.")).isFalse();
        assertThat(Slots.conflict("I live in Braga.", "I moved to Porto.")).isTrue();
    }

    @Test
    void keepsFirstPersonStatementsAndDropsQuestionsAndChatter() {
        assertThat(Statements.factualSentences("Hi! I live in Porto. Do you know it? My dog is called Rex. Nice weather."))
                .containsExactly("I live in Porto.", "My dog is called Rex.");
    }

    @Test
    void cleansFillerAndTrailingNegations() {
        assertThat(Statements.clean("actually, my sister is Ana, not Anna")).isEqualTo("My sister is Ana.");
        assertThat(Statements.clean("remember that I hate cilantro")).isEqualTo("I hate cilantro.");
        assertThat(Statements.isCorrection("Actually my sister is Ana")).isTrue();
        assertThat(Statements.isCorrection("My sister is Ana")).isFalse();
    }

    @Test
    void guessesTheKind() {
        assertThat(Statements.kindOf("I love green tea")).isEqualTo(MemoryKind.PREFERENCE);
        assertThat(Statements.kindOf("My sister is Ana")).isEqualTo(MemoryKind.PERSON);
        assertThat(Statements.kindOf("I went to Porto last week")).isEqualTo(MemoryKind.EVENT);
        assertThat(Statements.kindOf("I have a dentist appointment next week")).isEqualTo(MemoryKind.PLAN);
        assertThat(Statements.kindOf("I am a nurse")).isEqualTo(MemoryKind.FACT);
    }

    @Test
    void theHeuristicJudgeRanksLifeAboveLunch() {
        assertThat(ImportanceJudge.heuristic("I am allergic to penicillin", MemoryKind.FACT)).isGreaterThanOrEqualTo(7);
        assertThat(ImportanceJudge.heuristic("I had pasta for lunch today", MemoryKind.EVENT)).isLessThanOrEqualTo(2);
        assertThat(ImportanceJudge.heuristic("My sister's birthday is 3 May", MemoryKind.PERSON)).isGreaterThanOrEqualTo(8);
        assertThat(ImportanceJudge.heuristic("I like jazz", MemoryKind.PREFERENCE)).isEqualTo(5);
    }
}
