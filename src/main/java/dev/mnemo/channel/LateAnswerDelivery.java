package dev.mnemo.channel;

import dev.mnemo.conversation.MessageAnsweredLate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Sends a late answer on the person's channel (SMS, Discord; the inbox for the web, the API and the terminal). */
@Component
class LateAnswerDelivery {
    private static final Logger log = LoggerFactory.getLogger(LateAnswerDelivery.class);

    private final ReplySender replies;

    LateAnswerDelivery(ReplySender replies) {
        this.replies = replies;
    }

    @EventListener
    void on(MessageAnsweredLate answered) {
        try {
            replies.send(answered.userId(), answered.text(), MessageKind.REPLY);
        } catch (ChannelUnavailableException e) {
            log.warn("The late answer to message {} could not be sent: {}", answered.messageId(), e.getMessage());
        } catch (RuntimeException e) {
            // one delivery failing must not stop the other late answers of the round
            log.error("Sending the late answer to message {} failed", answered.messageId(), e);
        }
    }
}
