package dev.mnemo.conversation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param historyTurns    how many earlier messages (the person's and Mnemo's) go into the prompt, at most
 * @param historyWindow   how far back those may be: older exchanges reach the prompt through memory instead,
 *                        which keeps every prompt small (the cost simulator in BENCHMARKS.md shows how much)
 * @param maxMessageChars longest accepted message
 * @param replyDeadline   how long one reply may take, retries and fallbacks included ({@code ASSISTANT_REPLY_DEADLINE})
 * @param lateAnswers     answering later what got no answer (a crash, an outage, the deadline)
 */
@ConfigurationProperties("assistant.conversation")
record ConversationProperties(int historyTurns, Duration historyWindow, int maxMessageChars, Duration replyDeadline,
                              LateAnswers lateAnswers) {

    /**
     * @param background whether the poller runs (tests drive it themselves)
     * @param poll       how often unanswered messages are looked for
     * @param maxAge     older than this, a message gets one notice instead of an answer ({@code ASSISTANT_LATE_ANSWER_MAX_AGE})
     * @param lease      how long a claim on a message lasts unless its instance renews it
     */
    record LateAnswers(boolean background, Duration poll, Duration maxAge, Duration lease) {
    }

    ConversationProperties {
        if (replyDeadline == null || replyDeadline.isNegative() || replyDeadline.isZero()) {
            throw new IllegalArgumentException("ASSISTANT_REPLY_DEADLINE must be positive");
        }
        if (lateAnswers.lease().compareTo(replyDeadline.plusSeconds(10)) < 0) {
            throw new IllegalArgumentException("assistant.conversation.late-answers.lease must be at least the reply deadline"
                    + " plus 10 s, so that a claim never runs out while its answer is still being written");
        }
        if (historyTurns < 0 || maxMessageChars < 1 || historyWindow == null || historyWindow.isNegative()) {
            throw new IllegalArgumentException("assistant.conversation: history-turns >= 0, history-window >= 0 and max-message-chars >= 1");
        }
    }
}
