package dev.mnemo.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalRulesTest {
    private final LocalRules rules = new LocalRules();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/remember my sister is Ana                 | COMMAND",
            "  /cost                                    | COMMAND",
            "hey, how are you?                          | SIMPLE",
            "what's the capital of Peru?                | SIMPLE",
            "do you remember my sister's name?          | SIMPLE",
            "Help me plan my week                       | COMPLEX",
            "Can you compare these offers?              | COMPLEX",
            "Draft an email to my landlord              | COMPLEX",
            "remind me to call mom tomorrow at 6pm      | TOOL",
            "every sunday at 6pm remind me to water it  | TOOL",
            "what time is it in Tokyo?                  | TOOL",
            "what time zone is Tokyo in?                | SIMPLE",
            "please remember that my locker is 118      | TOOL",
            "forget what I told you about my ex         | TOOL",
            "forget it                                  | SIMPLE",
            "How can I spend less time in meetings?     | SIMPLE",
            "first time in Paris, any tips?             | SIMPLE",
            "what day works best for a dentist visit?   | SIMPLE",
            "save the best for last or open with it?    | SIMPLE",
    })
    void routesByTheText(String text, Route expected) {
        assertThat(rules.judge(text, null).route()).isEqualTo(expected);
    }

    @Test
    void longMessagesGoToTheSmartModel() {
        assertThat(rules.judge("a".repeat(301), null)).isEqualTo(new LocalRules.Verdict(Route.COMPLEX, "long message", true));
        assertThat(rules.judge("a".repeat(300), null).sure()).isFalse();
        assertThat(rules.judge("a".repeat(100), null)).isEqualTo(new LocalRules.Verdict(Route.SIMPLE, "no complex signal", true));
    }

    @Test
    void aFollowUpIsComplexOnlyInAComplexThread() {
        String followUp = "what about the second option?";
        assertThat(rules.judge(followUp, Route.COMPLEX)).isEqualTo(new LocalRules.Verdict(Route.COMPLEX, "follow-up to a complex thread", true));
        assertThat(rules.judge(followUp, Route.SIMPLE).route()).isEqualTo(Route.SIMPLE);
        assertThat(rules.judge(followUp, null).sure()).isFalse();
    }

    @Test
    void inAThreadTheRulesFollowThePreviousRoute() {
        assertThat(rules.judge("can you remove the second point?", Route.COMPLEX).route()).isEqualTo(Route.COMPLEX);
        assertThat(rules.judge("tomorrow at 6pm", Route.TOOL)).isEqualTo(new LocalRules.Verdict(Route.TOOL, "answer in a tool thread", true));
        assertThat(rules.judge("yes", Route.TOOL).route()).isEqualTo(Route.TOOL);
        assertThat(rules.judge("thanks!", Route.TOOL).route()).isEqualTo(Route.SIMPLE);
        assertThat(rules.judge("capital of Peru?", Route.TOOL).route()).isEqualTo(Route.SIMPLE);
    }

    @Test
    void smallTalkOnlyWhenItIsAllThereIs() {
        String text = "hey, I've been thinking about moving to Berlin next year for the job market and the music, "
                + "but the visa and the cost of living worry me, any thoughts on what matters most?";
        assertThat(rules.judge(text, null).sure()).isFalse();
    }

    @Test
    void aVeryLongMessageIsRoutedWithoutScanningAllOfIt() {
        assertThat(rules.judge("why does this fail? " + "x(y) ; ".repeat(3000), null).route()).isEqualTo(Route.COMPLEX);
    }

    @Test
    void conflictingSignalsAreLeftToTheModel() {
        LocalRules.Verdict verdict = rules.judge("plan my week and remind me about the gym on friday", null);
        assertThat(verdict.sure()).isFalse();
    }
}
