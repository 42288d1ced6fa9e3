package dev.mnemo.channel;

import dev.mnemo.conversation.Channel;

/**
 * A message handed to a channel. {@code QUEUED} waits in the web inbox for the person's client; {@code SENT}
 * was accepted by the provider (its delivery status arrives later, when the provider reports it).
 */
public record Delivery(String id, Channel channel, Status status) {
    public enum Status { QUEUED, SENT }
}
