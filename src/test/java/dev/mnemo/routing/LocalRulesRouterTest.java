package dev.mnemo.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalRulesRouterTest {
    private final LocalRulesRouter router = new LocalRulesRouter();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/remember my sister is Ana    | COMMAND",
            "  /cost                       | COMMAND",
            "hey, how are you?             | SIMPLE",
            "what's the capital of Peru?   | SIMPLE",
            "thanks!                       | SIMPLE",
            "Help me plan my week          | COMPLEX",
            "Can you compare these offers? | COMPLEX",
            "Draft an email to my landlord | COMPLEX",
            "Should I take the job?        | COMPLEX",
    })
    void routesByTheTextAlone(String text, Route expected) {
        assertThat(router.route("u", text).route()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"400, SIMPLE", "401, COMPLEX"})
    void longMessagesGoToTheSmartModel(int length, Route expected) {
        assertThat(router.route("u", "a".repeat(length)).route()).isEqualTo(expected);
    }
}
