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

    /**
     * A text's length as a person counts it: in code points, so an emoji is one character, not the two UTF-16
     * units {@link String#length()} counts. Every channel's length limit is measured this way.
     */
    public static int lengthOf(String text) {
        return text.codePointCount(0, text.length());
    }
}
