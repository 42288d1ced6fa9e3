package dev.mnemo.conversation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param historyTurns    how many earlier messages (the person's and Mnemo's) go into the prompt, at most
 * @param historyWindow   how far back those may be: older exchanges reach the prompt through memory instead,
 *                        which keeps every prompt small (the cost simulator in BENCHMARKS.md shows how much)
 * @param maxMessageChars longest accepted message
 */
@ConfigurationProperties("assistant.conversation")
record ConversationProperties(int historyTurns, java.time.Duration historyWindow, int maxMessageChars) {
    ConversationProperties {
        if (historyTurns < 0 || maxMessageChars < 1 || historyWindow == null || historyWindow.isNegative()) {
            throw new IllegalArgumentException("assistant.conversation: history-turns >= 0, history-window >= 0 and max-message-chars >= 1");
        }
    }
}
