package dev.mnemo.channel.discord;

import dev.mnemo.channel.internal.TextSplitter;
import java.util.List;
import java.util.Map;

/** What Discord needs of text, apart from Discord itself: mentions out, commands in, 2,000 characters a message. */
final class DiscordText {
    /** Discord's limit on a message's content. */
    static final int MAX_CHARS = 2000;
    /** The slash commands registered with Discord and the option each takes (empty: none). */
    static final Map<String, String> COMMANDS = Map.of(
            "remember", "text", "forget", "query", "search", "topic", "memories", "", "cost", "", "reminders", "", "help", "");

    private DiscordText() {
    }

    /** The message without the bot's mention ({@code <@id>} or {@code <@!id>}). */
    static String withoutMention(String content, String botId) {
        return content.replace("<@" + botId + ">", "").replace("<@!" + botId + ">", "").strip();
    }

    /** A slash command as the chat command every channel shares, e.g. {@code /remember my sister is Ana}. */
    static String commandText(String name, String option) {
        return "/" + name + (option == null || option.isBlank() ? "" : " " + option.strip());
    }

    static List<String> parts(String text) {
        return TextSplitter.split(text, MAX_CHARS);
    }
}
