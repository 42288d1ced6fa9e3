package dev.mnemo.channel;

import dev.mnemo.conversation.Channel;

/** A channel that can send on its own (SMS, Discord): what {@link ReplySender} hands messages to. */
public interface ChannelGateway {

    Channel channel();

    /** False until its credentials are configured: then nothing is sent through it. */
    boolean configured();

    /**
     * Sends the text to the address, split as the channel needs, and returns the provider's id of the first part.
     *
     * @throws ChannelUnavailableException when the provider refused it
     */
    String send(String address, String text);
}
