package dev.mnemo.channel.internal;

import dev.mnemo.channel.AllowedSenders;
import dev.mnemo.channel.ChannelGateway;
import dev.mnemo.conversation.Channel;
import dev.mnemo.conversation.ChannelReach;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A channel reaches a person when its gateway is configured and the allowed senders give them an address on it. */
@Component
class ConfiguredChannelReach implements ChannelReach {
    private final Map<Channel, ChannelGateway> gateways = new EnumMap<>(Channel.class);
    private final AllowedSenders senders;
    private final OptOuts optOuts;

    ConfiguredChannelReach(List<ChannelGateway> gateways, AllowedSenders senders, OptOuts optOuts) {
        gateways.forEach(g -> this.gateways.put(g.channel(), g));
        this.senders = senders;
        this.optOuts = optOuts;
    }

    @Override
    public Answer reach(String userId, Channel channel) {
        ChannelGateway gateway = gateways.get(channel);
        if (gateway == null) {
            return Answer.REACHABLE; // the inbox: collected by the API and the terminal chat
        }
        if (!gateway.configured()) {
            return Answer.NOT_CONFIGURED;
        }
        Optional<String> address = senders.addressOf(userId, channel);
        if (address.isEmpty()) {
            return Answer.UNKNOWN_PERSON;
        }
        return optOuts.optedOut(channel.id(), address.get()) ? Answer.OPTED_OUT : Answer.REACHABLE;
    }
}
