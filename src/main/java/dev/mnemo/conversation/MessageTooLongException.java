package dev.mnemo.conversation;

/** A message over the configured length: refused before anything is stored or sent to a model. */
public class MessageTooLongException extends IllegalArgumentException {
    public MessageTooLongException(int length, int max) {
        super("text is " + length + " characters; the limit is " + max);
    }
}
