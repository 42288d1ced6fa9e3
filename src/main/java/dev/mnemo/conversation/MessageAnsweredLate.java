package dev.mnemo.conversation;

/**
 * A message that got no answer when it was sent has been answered now (or, past {@code ASSISTANT_LATE_ANSWER_MAX_AGE},
 * the person is told which messages will not be). The channels deliver {@code text} on the person's channel.
 *
 * @param messageId the answered message, or the newest of those listed in a notice
 */
public record MessageAnsweredLate(String userId, String messageId, String text) {
}
