package dev.mnemo.conversation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param historyTurns    how many earlier messages (the person's and Mnemo's) go into the prompt
 * @param maxMessageChars longest accepted message
 */
@ConfigurationProperties("assistant.conversation")
record ConversationProperties(int historyTurns, int maxMessageChars) {
    ConversationProperties {
        if (historyTurns < 0 || maxMessageChars < 1) {
            throw new IllegalArgumentException("assistant.conversation: history-turns >= 0 and max-message-chars >= 1");
        }
    }
}
