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

    /** The reply text for this Discord user's message; empty for a stranger or a sender over the limit who was told. */
    Optional<String> answer(String discordUserId, String text) {
        Optional<String> user = senders.userFor(Channel.DISCORD, discordUserId);
        if (user.isEmpty()) {
            log.info("Ignored a Discord message from a user not in ASSISTANT_ALLOWED_SENDERS");
            return Optional.empty();
        }
        switch (limiter.check(Channel.DISCORD.id() + ":" + discordUserId)) {
            case LIMITED_NOTIFY -> {
                return Optional.of(SenderRateLimiter.NOTICE);
            }
            case LIMITED_SILENT -> {
                return Optional.empty();
            }
            case ALLOWED -> {
            }
        }
        if (text.isBlank()) {
            return Optional.of("Yes? Ask me anything, or try /help.");
        }
        if (text.length() > conversation.maxMessageChars()) {
            return Optional.of("That message is too long for me (at most " + conversation.maxMessageChars() + " characters).");
        }
        return Optional.of(conversation.handle(new InboundMessage(user.get(), Channel.DISCORD, text)).text());
    }

    /** Answers and sends the reply to {@code replyAddress} (a DM or the channel of the mention). */
    void answerAndSend(String discordUserId, String text, String replyAddress) {
        try {
            answer(discordUserId, text).ifPresent(reply -> replies.sendVia(Channel.DISCORD, replyAddress,
                    senders.userFor(Channel.DISCORD, discordUserId).orElseThrow(), reply, MessageKind.REPLY));
        } catch (ChannelUnavailableException e) {
            log.warn("The Discord reply was not sent: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.error("Answering a Discord message failed", e);
        }
    }
}
