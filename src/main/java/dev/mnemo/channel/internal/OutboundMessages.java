package dev.mnemo.channel.internal;

import dev.mnemo.channel.AllowedSenders;
import dev.mnemo.channel.ChannelGateway;
import dev.mnemo.channel.ChannelUnavailableException;
import dev.mnemo.channel.Delivery;
import dev.mnemo.channel.MessageKind;
import dev.mnemo.channel.ReplySender;
import dev.mnemo.conversation.Channel;
import dev.mnemo.conversation.Conversation;
import dev.mnemo.user.UserSettings;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

@Service
class OutboundMessages implements ReplySender {
    private static final Logger log = LoggerFactory.getLogger(OutboundMessages.class);

    private final Map<Channel, ChannelGateway> gateways = new EnumMap<>(Channel.class);
    private final AllowedSenders senders;
    private final OptOuts optOuts;
    private final Deliveries deliveries;
    private final UserSettings settings;
    private final Conversation conversation;

    OutboundMessages(List<ChannelGateway> gateways, AllowedSenders senders, OptOuts optOuts, Deliveries deliveries,
                     UserSettings settings, Conversation conversation) {
        gateways.forEach(g -> this.gateways.put(g.channel(), g));
        this.senders = senders;
        this.optOuts = optOuts;
        this.deliveries = deliveries;
        this.settings = settings;
        this.conversation = conversation;
    }

    @Override
    public Delivery send(String userId, String text, MessageKind kind) {
        for (Channel channel : candidates(userId)) {
            if (!gateways.containsKey(channel)) {
                return queue(userId, text, kind); // the web inbox, chosen or where they last wrote from
            }
            Optional<String> address = senders.addressOf(userId, channel);
            if (address.isEmpty() || !deliverable(channel, address.get())) {
                continue;
            }
            try {
                return sendVia(channel, address.get(), userId, text, kind);
            } catch (ChannelUnavailableException e) {
                if (e.maybeSent()) {
                    throw e; // another channel could make it twice
                }
                // Certainly not sent: the next channel, or the inbox, gets it.
            }
        }
        return queue(userId, text, kind);
    }

    @Override
    public Delivery sendVia(Channel channel, String address, String userId, String text, MessageKind kind) {
        ChannelGateway gateway = gateways.get(channel);
        if (gateway == null) {
            return queue(userId, text, kind); // web, terminal, API: the person's client collects it
        }
        if (!gateway.configured()) {
            throw new ChannelUnavailableException(channel.id() + " is not configured or not connected", null);
        }
        if (optOuts.optedOut(channel.id(), address)) {
            deliveries.record(userId, channel, address, text, kind, Deliveries.FAILED, null, "opted out");
            throw new ChannelUnavailableException("the person opted out of " + channel.id(), null);
        }
        // Recorded before sending: a provider's status report may arrive before send() returns.
        String id = deliveries.record(userId, channel, address, text, kind, Deliveries.SENDING, null, null);
        String externalId;
        try {
            externalId = gateway.send(userId, address, text);
        } catch (ChannelUnavailableException e) {
            log.warn("Sending a {} to user {} on {} failed: {}", kind, userId, channel.id(), e.getMessage());
            deliveries.outcome(id, Deliveries.FAILED, null, e.getMessage());
            throw e;
        }
        try {
            deliveries.outcome(id, Deliveries.SENT, externalId, null);
        } catch (RuntimeException e) {
            log.error("A {} to user {} was sent on {} but its record could not be updated", kind, userId, channel.id(), e);
        }
        return new Delivery(id, channel, Delivery.Status.SENT);
    }

    /** Chosen with /channel, then where they last wrote from, then any channel that knows them. */
    private Set<Channel> candidates(String userId) {
        Set<Channel> order = new LinkedHashSet<>();
        settings.preferredChannel(userId).flatMap(Channel::byId).ifPresent(order::add);
        conversation.lastChannel(userId).ifPresent(order::add);
        order.addAll(new ArrayList<>(gateways.keySet()));
        return order;
    }

    private boolean deliverable(Channel channel, String address) {
        ChannelGateway gateway = gateways.get(channel);
        return gateway != null && gateway.configured() && !optOuts.optedOut(channel.id(), address);
    }

    private Delivery queue(String userId, String text, MessageKind kind) {
        return new Delivery(deliveries.record(userId, Channel.WEB, null, text, kind, Deliveries.QUEUED, null, null),
                Channel.WEB, Delivery.Status.QUEUED);
    }
}
