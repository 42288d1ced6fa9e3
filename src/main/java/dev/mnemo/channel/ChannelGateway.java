package dev.mnemo.channel;

import dev.mnemo.conversation.Channel;

/** A channel that can send on its own (SMS, Discord): what {@link ReplySender} hands messages to. */
public interface ChannelGateway {

    Channel channel();

    /** False until its credentials are configured: then nothing is sent through it. */
    boolean configured();

    /**
     * Sends the text to the user's address, split as the channel needs, and returns the provider's id of the first
     * part. What the provider bills for it goes into the user's cost ledger.
     *
     * @throws ChannelUnavailableException when the provider refused it
     */
    String send(String userId, String address, String text);
}
