package dev.mnemo.channel.sms;

import dev.mnemo.channel.ChannelUnavailableException;
import dev.mnemo.channel.MessageKind;
import dev.mnemo.channel.ReplySender;
import dev.mnemo.channel.internal.InboundPipeline;
import dev.mnemo.channel.internal.InboundPipeline.Admission;
import dev.mnemo.channel.internal.InboundPipeline.Arrival;
import dev.mnemo.channel.internal.OptOuts;
import dev.mnemo.conversation.Channel;
import dev.mnemo.conversation.Conversation;
import dev.mnemo.conversation.Reply;
import dev.mnemo.cost.ChannelCharge;
import dev.mnemo.system.JsonErrors;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's incoming-SMS webhook, signed ({@link TwilioWebhooks}), through the {@link InboundPipeline} with the
 * SMS keywords (STOP, START, HELP) of its own. It answers at once with empty TwiML; the reply goes out later
 * through Twilio's REST API, so a slow model never meets Twilio's 15-second timeout.
 */
@RestController
class SmsWebhookController {
    static final String SMS_PATH = "/webhooks/twilio/sms";
    static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";
    static final String HELP = "Mnemo, your personal assistant. Text anything to chat; /help lists commands. "
            + "Reply STOP to stop all messages, START to resume.";
    private static final Logger log = LoggerFactory.getLogger(SmsWebhookController.class);

    private final TwilioWebhooks webhooks;
    private final InboundPipeline inbound;
    private final OptOuts optOuts;
    private final Conversation conversation;
    private final ReplySender replies;
    private final ExecutorService work;
    private final TwilioGateway twilio;

    SmsWebhookController(TwilioWebhooks webhooks, InboundPipeline inbound, OptOuts optOuts, Conversation conversation,
                         ReplySender replies, ExecutorService channelWork, TwilioGateway twilio) {
        this.webhooks = webhooks;
        this.inbound = inbound;
        this.optOuts = optOuts;
        this.conversation = conversation;
        this.replies = replies;
        this.work = channelWork;
        this.twilio = twilio;
    }

    @PostMapping(path = SMS_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<?> incoming(HttpServletRequest request,
                               @RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
        TwilioWebhooks.Signed signed = webhooks.read(request, signature);
        if (signed.refusal() != null) {
            return signed.refusal();
        }
        String from = Objects.requireNonNullElse(signed.first("From"), "");
        String sid = signed.first("MessageSid");
        String text = Objects.requireNonNullElse(signed.first("Body"), "");
        if (sid == null || sid.isBlank() || from.isBlank()) {
            return JsonErrors.response(HttpStatus.BAD_REQUEST, "MessageSid and From are required");
        }
        // Stored (by the pipeline) before Twilio hears back: from here a crash cannot lose it (it is answered
        // late), and a retry of this delivery is not taken in twice.
        Admission admission = inbound.admit(Arrival.from(Channel.SMS, from, sid, text), keywords(from, text));
        chargeReceived(admission, sid, signed.first("NumSegments"), text);
        switch (admission) {
            case Admission.Admitted admitted -> work.execute(() -> answer(from, admitted));
            // An empty SMS is most often a picture: an answer would cost a segment and say nothing.
            case Admission.Refused refused when refused.tell() && refused.reason() != InboundPipeline.Refusal.BLANK ->
                    work.execute(() -> reply(from, refused.userId(), refused.text()));
            case Admission.Refused refused -> {
            }
            case Admission.Handled handled when handled.reply() != null ->
                    work.execute(() -> reply(from, handled.userId(), handled.reply()));
            case Admission.Handled handled -> {
            }
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(EMPTY_TWIML);
    }

    /** Twilio bills every segment it receives for a person too; a stranger's are the operator's, not in any ledger. */
    private void chargeReceived(Admission admission, String sid, String segments, String text) {
        if (admission.userId() != null) {
            twilio.charge(new ChannelCharge(admission.userId(), Channel.SMS.id(), ChannelCharge.Direction.INBOUND, sid,
                    TwilioGateway.segments(segments, text), null));
        }
    }

    /**
     * STOP and START, always heard, and silence towards a number that sent STOP; HELP (whose answer costs a
     * segment) within the rate limit.
     */
    private InboundPipeline.Keywords keywords(String from, String text) {
        SmsKeyword keyword = SmsKeyword.of(text);
        return new InboundPipeline.Keywords() {
            @Override
            public Optional<String> beforeLimit(String userId) {
                boolean optedOut = optOuts.optedOut(Channel.SMS.id(), from);
                if (keyword == SmsKeyword.STOP) {
                    // Twilio confirms the opt-out itself; from now on nothing is sent to this number.
                    optOuts.optOut(Channel.SMS.id(), from);
                    return Optional.of("");
                }
                if (optedOut && keyword == SmsKeyword.START) {
                    optOuts.optIn(Channel.SMS.id(), from); // when not opted out, "yes" is just an answer
                    return Optional.of("");
                }
                if (optedOut) {
                    log.info("SMS from a number that sent STOP: not answered (they can send START)");
                    return Optional.of("");
                }
                return Optional.empty();
            }

            @Override
            public Optional<String> withinLimit(String userId) {
                return keyword == SmsKeyword.HELP ? Optional.of(HELP) : Optional.empty();
            }
        };
    }

    private void answer(String from, Admission.Admitted admitted) {
        try {
            Reply reply = conversation.answer(admitted.messageId(), admitted.message());
            reply(from, admitted.userId(), reply.text());
        } catch (RuntimeException e) {
            log.error("Answering SMS message {} of user {} failed; it waits for a late answer", admitted.messageId(),
                    admitted.userId(), e);
        }
    }

    private void reply(String to, String user, String text) {
        try {
            replies.sendVia(Channel.SMS, to, user, text, MessageKind.REPLY);
        } catch (ChannelUnavailableException e) {
            log.warn("The SMS reply to user {} was not sent: {}", user, e.getMessage());
        }
    }
}
