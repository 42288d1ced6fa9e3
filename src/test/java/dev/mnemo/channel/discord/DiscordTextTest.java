package dev.mnemo.channel.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiscordTextTest {

    @Test
    void theBotsMentionIsNotPartOfTheMessage() {
        assertThat(DiscordText.withoutMention("<@123> what's up?", "123")).isEqualTo("what's up?");
        assertThat(DiscordText.withoutMention("hey <@!123>, remind me", "123")).isEqualTo("hey , remind me");
    }

    @Test
    void slashCommandsBecomeTheChatCommandsEveryChannelShares() {
        assertThat(DiscordText.commandText("remember", "my sister is Ana")).isEqualTo("/remember my sister is Ana");
        assertThat(DiscordText.commandText("memories", null)).isEqualTo("/memories");
    }

    @Test
    void longRepliesRespectDiscordsLimitAndBreakBetweenSentences() {
        String sentence = "Twenty-five characters. ";
        String reply = sentence.repeat(200); // 4,800 characters

        assertThat(DiscordText.parts(reply)).hasSize(3)
                .allSatisfy(part -> assertThat(part).hasSizeLessThanOrEqualTo(DiscordText.MAX_CHARS).endsWith("characters."));
    }
}
