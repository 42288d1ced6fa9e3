package dev.mnemo.channel.discord;

import dev.mnemo.channel.AllowedSenders;
import dev.mnemo.channel.ChannelUnavailableException;
import dev.mnemo.channel.MessageKind;
import dev.mnemo.channel.ReplySender;
import dev.mnemo.channel.internal.InboundPipeline;
import dev.mnemo.channel.internal.InboundPipeline.Admission;
import dev.mnemo.channel.internal.InboundPipeline.Arrival;
import dev.mnemo.conversation.Channel;
import dev.mnemo.conversation.Conversation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What happens to a Discord message, whichever way it came (gateway DM, mention, slash command, HTTP
 * interaction): the {@link InboundPipeline}, then the conversation's answer.
 */
@Component
class DiscordInbound {
    private static final Logger log = LoggerFactory.getLogger(DiscordInbound.class);

    private final InboundPipeline inbound;
    private final Conversation conversation;
    private final AllowedSenders senders;
    private final ReplySender replies;

    DiscordInbound(InboundPipeline inbound, Conversation conversation, AllowedSenders senders, ReplySender replies) {
        this.inbound = inbound;
        this.conversation = conversation;
        this.senders = senders;
        this.replies = replies;
    }

    /**
     * What to say back. {@code tell} is false where a message would say nothing (to a stranger, for a repeat,
     * a second rate-limit notice); a slash command, which must answer something, shows {@code text} anyway.
     */
    record Answer(String text, boolean tell) {
    }

    /** @param deliveryId Discord's id of the message or interaction, so a repeat is answered once */
    Answer answer(String discordUserId, String deliveryId, String text) {
        return switch (inbound.admit(Arrival.from(Channel.DISCORD, discordUserId, deliveryId, text))) {
            case Admission.Admitted admitted -> new Answer(
                    conversation.answer(admitted.messageId(), admitted.message()).text(), true);
            case Admission.Refused refused -> new Answer(refused.text(), refused.tell());
            case Admission.Handled handled -> new Answer(handled.reply() == null ? "" : handled.reply(), true);
        };
    }

    /** Answers and sends the reply to {@code replyAddress} (the author's DM). */
    void answerAndSend(String discordUserId, String deliveryId, String text, String replyAddress) {
        try {
            Answer answer = answer(discordUserId, deliveryId, text);
            if (answer.tell() && !answer.text().isBlank()) {
                replies.sendVia(Channel.DISCORD, replyAddress, senders.userFor(Channel.DISCORD, discordUserId).orElseThrow(),
                        answer.text(), MessageKind.REPLY);
            }
        } catch (ChannelUnavailableException e) {
            log.warn("The Discord reply was not sent: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.error("Answering a Discord message failed", e);
        }
    }
}
