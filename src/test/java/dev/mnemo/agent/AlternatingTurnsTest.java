package dev.mnemo.agent;

import static dev.mnemo.llm.ChatTurn.assistant;
import static dev.mnemo.llm.ChatTurn.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.llm.ChatTurn;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlternatingTurnsTest {

    @Test
    void mergesRunsOfOneRoleAndStartsWithTheUser() {
        assertThat(PromptContext.alternating(List.of(
                assistant("orphan reply"), user("first"), user("second, unanswered"), assistant("answer"), user("now"))))
                .containsExactly(user("first\n\nsecond, unanswered"), assistant("answer"), user("now"));
    }

    @Test
    void leavesAlternatingTurnsAlone() {
        List<ChatTurn> turns = List.of(user("a"), assistant("b"), user("c"));
        assertThat(PromptContext.alternating(turns)).isEqualTo(turns);
    }
}
