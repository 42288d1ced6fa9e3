package dev.mnemo.channel.discord;

import dev.mnemo.channel.ChannelGateway;
import dev.mnemo.channel.ChannelUnavailableException;
import dev.mnemo.conversation.Channel;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import org.springframework.stereotype.Component;

/** Sends through the gateway bot, always to the person's DMs (address: their Discord user id). */
@Component
class DiscordGateway implements ChannelGateway {
    private final DiscordConnection connection;

    DiscordGateway(DiscordConnection connection) {
        this.connection = connection;
    }

    @Override
    public Channel channel() {
        return Channel.DISCORD;
    }

    @Override
    public boolean configured() {
        return connection.connected();
    }

    @Override
    public String send(String userId, String address, String text) {
        JDA jda = connection.jda().orElseThrow(() -> new ChannelUnavailableException("the Discord bot is not connected", null));
        String first = null;
        try {
            MessageChannel target = jda.retrieveUserById(address).complete().openPrivateChannel().complete();
            for (String part : DiscordText.parts(text)) {
                Message sent = target.sendMessage(part).complete();
                first = first == null ? sent.getId() : first;
            }
            return first;
        } catch (ChannelUnavailableException e) {
            throw e;
        } catch (ErrorResponseException e) {
            throw new ChannelUnavailableException("Discord refused the message: " + e.getErrorResponse(), e, first != null);
        } catch (RuntimeException e) {
            throw new ChannelUnavailableException("Discord failed while sending: " + e.getClass().getSimpleName(), e, true);
        }
    }
}
