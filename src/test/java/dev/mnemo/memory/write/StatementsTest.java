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

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "my sister says she's pregnant | true",
            "my mum says she's moving to spain next year | true",
            "one day a week i work from home | true",
            "love it here in lisbon | true",
            "just finished my phd 🎓 | true",
            "big f1 fan, i support mclaren | true",
            "the dentist is thursday not friday | true",
            "anniversary dinner booked for fri at dishoom | true",
            "passport expires in sept so need to renew it | true",
            "payday is the 25th | true",
            "gym at 6am most weekdays | true",
            "love that | false",
            "gonna rain tomorrow apparently | false",
            "morning all, rainy monday again | false",
            "it rains every day here | false",
            "christmas is the 25th | false",
            "finished my coffee | false",
            "got in at 2am lol | false",
            "passed out on the sofa | false",
            "the game is on at 8 | false",
            "the match is on sunday | false",
            "the service was terrible at that restaurant | false",
            "the offer expires tomorrow | false",
            "i read that coffee is bad for you | false",
            "wanna watch a movie tonight | false",
            "big fan noise in the server room today | false",
            "my friend reckons oat milk is bad for you lol | false",
            "my character in the game just died lol | false",
            "maybe one day i'll learn to surf | false",
            "the election is on the 4th | false",
            "the match is on the 12th | false",
            "i read your message | false",
            "i support that | false",
            "don't worry about it anymore | false",
            "gonna watch netflix tonight | false",
            "got into bed | false",
            "coffee isn't an option | false",
            "same thing every day lol | false",
            "big fan | false",
            "my mum says dad is retiring in june | true",
            "my doctor says the lump is benign | true",
            "got into the nursing programme at kings | true",
            "don't live in leeds anymore, moved to york in may | true",
            "my dad says hi | false",
            "my mom says dinner is ready | false",
            "I support Arsenal | true",
            "I follow a keto diet | true",
            "i read a lot, mostly sci fi | true",
            "gonna start a new job in june | true",
            "sam's baby shower is on the 18th | true",
            "tom isn't moving to spain after all | true"})
    void findsWhatIsTextedAsAFactAndNothingElse(String message, boolean fact) {
        assertThat(Statements.factualSentences(message)).as(message).hasSize(fact ? 1 : 0);
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
