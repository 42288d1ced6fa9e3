package dev.mnemo.channel.discord;

import dev.mnemo.channel.ChannelGateway;
import dev.mnemo.channel.ChannelUnavailableException;
import dev.mnemo.conversation.Channel;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import org.springframework.stereotype.Component;

/**
 * Sends through the gateway bot: to a person's DMs (address: their user id) or to a channel where they
 * mentioned the bot (address: {@code channel:<id>}).
 */
@Component
class DiscordGateway implements ChannelGateway {
    static final String CHANNEL_PREFIX = "channel:";

    private final DiscordBot bot;

    DiscordGateway(DiscordBot bot) {
        this.bot = bot;
    }

    @Override
    public Channel channel() {
        return Channel.DISCORD;
    }

    @Override
    public boolean configured() {
        return bot.configured();
    }

    @Override
    public String send(String address, String text) {
        JDA jda = bot.jda().orElseThrow(() -> new ChannelUnavailableException("the Discord bot is not connected", null));
        try {
            MessageChannel target = address.startsWith(CHANNEL_PREFIX)
                    ? jda.getChannelById(MessageChannel.class, address.substring(CHANNEL_PREFIX.length()))
                    : jda.retrieveUserById(address).complete().openPrivateChannel().complete();
            if (target == null) {
                throw new ChannelUnavailableException("no Discord channel " + address, null);
            }
            String first = null;
            for (String part : DiscordText.parts(text)) {
                Message sent = target.sendMessage(part).complete();
                first = first == null ? sent.getId() : first;
            }
            return first;
        } catch (RuntimeException e) {
            if (e instanceof ChannelUnavailableException unavailable) {
                throw unavailable;
            }
            throw new ChannelUnavailableException("Discord refused the message: " + e.getMessage(), e);
        }
    }
}
