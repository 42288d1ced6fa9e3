package dev.mnemo.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.llm.ModelTier;
import dev.mnemo.llm.Prompts;
import dev.mnemo.routing.Route;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A reply's room on its channel: what the prompt asks for and the {@code max_tokens} behind it. */
class ReplyRoomTest {
    private final AgentProperties properties = new AgentProperties(300, 4, ModelTier.CHEAP, 4,
            AgentProperties.SmartFor.WORK, 300, 1500);
    private final Prompts prompts = new Prompts();

    private ReplyRoom.Room room(ReplySize size, String text, Integer routeMax) {
        return ReplyRoom.of(new AgentRequest("u", "m", Route.COMPLEX, List.of(), text, false, size), routeMax,
                properties, prompts);
    }

    @Test
    void aChatWindowKeepsTheRoutesOwnLength() {
        assertThat(room(ReplySize.CHAT, "plan my week", null)).isEqualTo(new ReplyRoom.Room("", null));
        assertThat(room(ReplySize.CHAT, "hi", 300)).isEqualTo(new ReplyRoom.Room("", 300));
    }

    @Test
    void aTextMessageFitsTwoSegmentsAndOffersTheRest() {
        ReplyRoom.Room room = room(ReplySize.TEXT_MESSAGE, "plan my week", null);

        assertThat(room.guidance()).contains("at most 300 characters").contains("Reply MORE for the rest");
        assertThat(room.maxTokens()).isEqualTo(120);
        assertThat(room(ReplySize.TEXT_MESSAGE, "hi", 40).maxTokens()).as("never above the route's cap").isEqualTo(40);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MORE", "more!", "the rest please", "tell me more", "can you send the full version?",
            "explain it in detail"})
    void askingForMoreOnSmsGetsTenSegments(String text) {
        ReplyRoom.Room room = room(ReplySize.TEXT_MESSAGE, text, null);

        assertThat(room.guidance()).contains("up to 1500 characters").doesNotContain("Reply MORE");
        assertThat(room.maxTokens()).isEqualTo(600);
    }

    @ParameterizedTest
    @ValueSource(strings = {"what more can I do for her birthday?", "morning!", "I'd rather rest"})
    void aMessageThatOnlyMentionsMoreIsNotAskingForIt(String text) {
        assertThat(room(ReplySize.TEXT_MESSAGE, text, null).maxTokens()).isEqualTo(120);
    }
}
