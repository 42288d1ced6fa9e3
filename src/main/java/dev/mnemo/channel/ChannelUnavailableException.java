package dev.mnemo.channel;

/**
 * A channel could not take a message: not configured, no address for the person, opted out, or refused. When
 * {@link #maybeSent()}, the provider may have sent it anyway (a timeout, a server error, a later part of a split
 * message): sending it again could deliver it twice.
 */
public class ChannelUnavailableException extends RuntimeException {
    private final boolean maybeSent;

    public ChannelUnavailableException(String message, Throwable cause) {
        this(message, cause, false);
    }

    public ChannelUnavailableException(String message, Throwable cause, boolean maybeSent) {
        super(message, cause);
        this.maybeSent = maybeSent;
    }

    public boolean maybeSent() {
        return maybeSent;
    }
}
