package dev.mnemo.channel;

import dev.mnemo.conversation.Channel;

/**
 * The one way out: every message Mnemo sends goes through here, whatever the channel, and is recorded.
 */
public interface ReplySender {

    /**
     * Sends on the person's channel: the one they chose ({@code /channel}), else the one they last wrote from,
     * else any configured channel that knows them; the web inbox when none can reach them.
     *
     * @throws ChannelUnavailableException when the chosen channel refused the message
     */
    Delivery send(String userId, String text, MessageKind kind);

    /**
     * Sends on this channel to this address: a reply where the message came from.
     *
     * @throws ChannelUnavailableException when the channel refused the message
     */
    Delivery sendVia(Channel channel, String address, String userId, String text, MessageKind kind);
}
