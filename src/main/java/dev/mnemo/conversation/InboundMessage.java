package dev.mnemo.conversation;

import dev.mnemo.system.StorableText;
import java.util.Objects;

/** A message from a person, already mapped to the user it belongs to; its text as both databases can store it. */
public record InboundMessage(String userId, Channel channel, String text) {
    public InboundMessage {
        Objects.requireNonNull(channel, "channel");
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("userId must not be blank");
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("text must not be blank");
        }
        userId = userId.strip();
        text = StorableText.of(text);
    }
}
