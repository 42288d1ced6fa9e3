package dev.mnemo.channel;

/** A channel could not take a message: not configured, no address for the person, opted out, or refused. */
public class ChannelUnavailableException extends RuntimeException {
    public ChannelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
