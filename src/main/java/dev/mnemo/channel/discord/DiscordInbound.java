package dev.mnemo.channel.discord;

import dev.mnemo.channel.AllowedSenders;
import dev.mnemo.channel.ChannelUnavailableException;
import dev.mnemo.channel.MessageKind;
import dev.mnemo.channel.ReplySender;
import dev.mnemo.channel.internal.SenderRateLimiter;
import dev.mnemo.conversation.Channel;
import dev.mnemo.conversation.Conversation;
import dev.mnemo.conversation.InboundMessage;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What happens to a Discord message, whichever way it came (gateway DM, mention, slash command, HTTP
 * interaction): only allowlisted user ids are heard, each within the rate limit, through the shared loop.
 */
@Component
class DiscordInbound {
    private static final Logger log = LoggerFactory.getLogger(DiscordInbound.class);

    private final AllowedSenders senders;
    private final SenderRateLimiter limiter;
    private final Conversation conversation;
    private final ReplySender replies;

    DiscordInbound(AllowedSenders senders, SenderRateLimiter limiter, Conversation conversation, ReplySender replies) {
        this.senders = senders;
        this.limiter = limiter;
        this.conversation = conversation;
        this.replies = replies;
    }

    /** What to say back: a reply; nothing to a stranger; nothing to a sender over the limit who was already told. */
    sealed interface Answer {
        record Reply(String text) implements Answer {
        }

        record Stranger() implements Answer {
        }

        record Silenced() implements Answer {
        }
    }

    Answer answer(String discordUserId, String text) {
        Optional<String> user = senders.userFor(Channel.DISCORD, discordUserId);
        if (user.isEmpty()) {
            log.info("Ignored a Discord message from a user not in ASSISTANT_ALLOWED_SENDERS");
            return new Answer.Stranger();
        }
        switch (limiter.check(Channel.DISCORD.id() + ":" + discordUserId)) {
            case LIMITED_NOTIFY -> {
                return new Answer.Reply(SenderRateLimiter.NOTICE);
            }
            case LIMITED_SILENT -> {
                return new Answer.Silenced();
            }
            case ALLOWED -> {
            }
        }
        if (text.isBlank()) {
            return new Answer.Reply("Yes? Ask me anything, or try /help.");
        }
        if (InboundMessage.lengthOf(text) > conversation.maxMessageChars()) {
            return new Answer.Reply("That message is too long for me (at most " + conversation.maxMessageChars() + " characters).");
        }
        return new Answer.Reply(conversation.handle(new InboundMessage(user.get(), Channel.DISCORD, text)).text());
    }

    /** Answers and sends the reply to {@code replyAddress} (a DM or the channel of the mention). */
    void answerAndSend(String discordUserId, String text, String replyAddress) {
        try {
            if (answer(discordUserId, text) instanceof Answer.Reply(String reply) && !reply.isBlank()) {
                replies.sendVia(Channel.DISCORD, replyAddress, senders.userFor(Channel.DISCORD, discordUserId).orElseThrow(),
                        reply, MessageKind.REPLY);
            }
        } catch (ChannelUnavailableException e) {
            log.warn("The Discord reply was not sent: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.error("Answering a Discord message failed", e);
        }
    }
}
