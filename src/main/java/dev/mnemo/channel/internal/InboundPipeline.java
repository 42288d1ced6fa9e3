package dev.mnemo.channel.internal;

import dev.mnemo.channel.AllowedSenders;
import dev.mnemo.conversation.Channel;
import dev.mnemo.conversation.Conversation;
import dev.mnemo.conversation.InboundMessage;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one way a message comes in, whatever the channel (SMS, Discord, the web API and the terminal chat):
 * allowlist → de-duplication → the channel's keywords always heard → rate limit → its other keywords → empty or
 * too long → stored in the conversation,
 * committed and unanswered, so from then on a crash cannot lose it. Every refusal has one text, the same on
 * every channel; the channel only decides how to say it (a reply, an HTTP status, or nothing).
 */
@Component
public class InboundPipeline {
    public static final String RATE_LIMITED = "You're sending messages faster than I can keep up with. "
            + "I've skipped the last one; please wait a minute and try again.";
    public static final String STRANGER = "This assistant is private.";
    public static final String BLANK = "Yes? Ask me anything, or try /help.";
    public static final String DUPLICATE = "That message was already received.";
    private static final Logger log = LoggerFactory.getLogger(InboundPipeline.class);

    private final AllowedSenders senders;
    private final SenderRateLimiter limiter;
    private final InboundReceipts receipts;
    private final Conversation conversation;

    InboundPipeline(AllowedSenders senders, SenderRateLimiter limiter, InboundReceipts receipts,
                    Conversation conversation) {
        this.senders = senders;
        this.limiter = limiter;
        this.receipts = receipts;
        this.conversation = conversation;
    }

    /**
     * A message as it arrived.
     *
     * @param address    who sent it on that channel (a phone number, a Discord id), or null when the sender
     *                   is already known ({@code userId})
     * @param userId     the person, when the channel authenticated them (a token); else null
     * @param deliveryId the channel's id of this delivery (Twilio's MessageSid, Discord's message id), so a
     *                   repeated delivery is taken in once; null when the channel has none
     * @param rateLimited whether the sender's rate limit applies
     */
    public record Arrival(Channel channel, String address, String userId, String deliveryId, String text,
                          boolean rateLimited) {
        public static Arrival from(Channel channel, String address, String deliveryId, String text) {
            return new Arrival(channel, address, null, deliveryId, text == null ? "" : text, true);
        }

        /**
         * From a person (or the operator on their behalf) their token authenticated: not the channels' limit,
         * but the HTTP API's own per person ({@code ASSISTANT_API_RATE_LIMIT_PER_MINUTE}; the admin token has none).
         */
        public static Arrival fromUser(Channel channel, String userId, String text) {
            return new Arrival(channel, null, userId, null, text == null ? "" : text, false);
        }

        /** The rate limit's key: per address on a channel, per person through the API. */
        String sender() {
            return channel.id() + ":" + (address != null ? address : userId);
        }
    }

    /** Why a message was not taken in. */
    public enum Refusal {
        STRANGER, RATE_LIMITED, DUPLICATE, BLANK, TOO_LONG
    }

    /** What became of an arrival. */
    public sealed interface Admission {
        /** Whose message it was; null for a stranger's. */
        String userId();

        /** Stored, unanswered: the channel answers it ({@link Conversation#answer}). */
        record Admitted(String userId, String messageId, InboundMessage message) implements Admission {
        }

        /**
         * Not taken in ({@code userId} null for a stranger). {@code text} says why (for channels that must answer something, like a slash command);
         * {@code tell} is false where saying nothing is kinder: a stranger, a repeat, a second notice in a minute.
         */
        record Refused(String userId, Refusal reason, String text, boolean tell) implements Admission {
        }

        /** The channel's own keyword took it (SMS STOP, START, HELP); {@code reply} may be null. */
        record Handled(String userId, String reply) implements Admission {
        }
    }

    /** The refusal of a message of {@code length} code points where {@code max} are allowed. */
    public static String tooLong(int length, int max) {
        return "That message is too long for me (" + length + " characters; at most " + max + "). Could you shorten it?";
    }

    /** A channel's own keywords (SMS: STOP, START, HELP); each answers with a reply (maybe empty) when it took the message. */
    public interface Keywords {
        Keywords NONE = new Keywords() {
        };

        /** Heard before the rate limit: a STOP must always be heard. */
        default Optional<String> beforeLimit(String userId) {
            return Optional.empty();
        }

        /** Heard within the rate limit (an answer that costs something, like HELP's). */
        default Optional<String> withinLimit(String userId) {
            return Optional.empty();
        }
    }

    /** Takes a message in, with no keywords of the channel's own. */
    public Admission admit(Arrival arrival) {
        return admit(arrival, Keywords.NONE);
    }

    /**
     * Allowlist, then de-duplication — before the rate limit, so that a delivery repeated (a provider's retry,
     * the same Discord message reaching every instance's bot) is answered once and never counts against the
     * sender — then the keywords always heard, the rate limit, the other keywords, size, and the message
     * stored. A delivery that is not stored is settled, so no retry of it is taken in later.
     */
    public Admission admit(Arrival arrival, Keywords keywords) {
        String user = arrival.userId() != null ? arrival.userId()
                : senders.userFor(arrival.channel(), arrival.address()).orElse(null);
        if (user == null) {
            log.info("Ignored a {} message{} from a sender not in ASSISTANT_ALLOWED_SENDERS", arrival.channel().id(),
                    arrival.deliveryId() == null ? "" : " (" + arrival.deliveryId() + ")");
            return new Admission.Refused(null, Refusal.STRANGER, STRANGER, false);
        }
        if (arrival.deliveryId() != null && !receipts.takeIn(arrival.channel().id(), arrival.deliveryId())) {
            log.info("{} delivered message {} again: already taken in", arrival.channel().id(), arrival.deliveryId());
            return new Admission.Refused(user, Refusal.DUPLICATE, DUPLICATE, false);
        }
        Admission admission = screen(arrival, user, keywords);
        if (admission != null) {
            if (arrival.deliveryId() != null) {
                receipts.settle(arrival.channel().id(), arrival.deliveryId());
            }
            return admission;
        }
        InboundMessage message = new InboundMessage(user, arrival.channel(), arrival.text());
        String messageId = arrival.deliveryId() == null ? conversation.receive(message)
                : receipts.store(arrival.channel().id(), arrival.deliveryId(), () -> conversation.receive(message));
        return new Admission.Admitted(user, messageId, message);
    }

    /** Why an allowed, first-time delivery is not a message to answer; null when it is one. */
    private Admission screen(Arrival arrival, String user, Keywords keywords) {
        Optional<String> always = keywords.beforeLimit(user);
        if (always.isPresent()) {
            return new Admission.Handled(user, always.get().isEmpty() ? null : always.get());
        }
        switch (arrival.rateLimited() ? limiter.check(arrival.sender()) : SenderRateLimiter.Decision.ALLOWED) {
            case LIMITED_NOTIFY -> {
                return new Admission.Refused(user, Refusal.RATE_LIMITED, RATE_LIMITED, true);
            }
            case LIMITED_SILENT -> {
                return new Admission.Refused(user, Refusal.RATE_LIMITED, RATE_LIMITED, false);
            }
            case ALLOWED -> {
            }
        }
        Optional<String> limited = keywords.withinLimit(user);
        if (limited.isPresent()) {
            return new Admission.Handled(user, limited.get().isEmpty() ? null : limited.get());
        }
        if (arrival.text().isBlank()) {
            return new Admission.Refused(user, Refusal.BLANK, BLANK, true);
        }
        int length = InboundMessage.lengthOf(arrival.text());
        if (length > conversation.maxMessageChars()) {
            return new Admission.Refused(user, Refusal.TOO_LONG, tooLong(length, conversation.maxMessageChars()), true);
        }
        return null;
    }
}
