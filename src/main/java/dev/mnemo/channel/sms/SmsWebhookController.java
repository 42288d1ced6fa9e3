package dev.mnemo.channel.sms;

import dev.mnemo.channel.AllowedSenders;
import dev.mnemo.channel.ChannelUnavailableException;
import dev.mnemo.channel.MessageKind;
import dev.mnemo.channel.ReplySender;
import dev.mnemo.channel.internal.ChannelProperties;
import dev.mnemo.channel.internal.Deliveries;
import dev.mnemo.channel.internal.InboundReceipts;
import dev.mnemo.channel.internal.OptOuts;
import dev.mnemo.channel.internal.SenderRateLimiter;
import dev.mnemo.conversation.Channel;
import dev.mnemo.conversation.Conversation;
import dev.mnemo.conversation.InboundMessage;
import dev.mnemo.conversation.Reply;
import dev.mnemo.system.JsonErrors;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
 * Twilio's SMS webhooks. Every request must carry a valid {@code X-Twilio-Signature} over the public URL
 * ({@code ASSISTANT_PUBLIC_URL}) and its parameters, else 403 and nothing is stored. The webhook answers at
 * once with empty TwiML; the reply goes out later through Twilio's REST API, so a slow model never meets
 * Twilio's 15-second timeout.
 */
@RestController
class SmsWebhookController {
    static final String SMS_PATH = "/webhooks/twilio/sms";
    static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";
    static final String HELP = "Mnemo, your personal assistant. Text anything to chat; /help lists commands. "
            + "Reply STOP to stop all messages, START to resume.";
    private static final Logger log = LoggerFactory.getLogger(SmsWebhookController.class);

    private final TwilioProperties twilio;
    private final ChannelProperties channels;
    private final TwilioSignatures signatures;
    private final AllowedSenders senders;
    private final InboundReceipts receipts;
    private final OptOuts optOuts;
    private final SenderRateLimiter limiter;
    private final Deliveries deliveries;
    private final Conversation conversation;
    private final ReplySender replies;
    private final ExecutorService work;

    SmsWebhookController(TwilioProperties twilio, ChannelProperties channels, AllowedSenders senders,
                         InboundReceipts receipts, OptOuts optOuts, SenderRateLimiter limiter, Deliveries deliveries,
                         Conversation conversation, ReplySender replies, ExecutorService channelWork) {
        if (twilio.configured() && channels.publicUrl().isEmpty()) {
            throw new IllegalStateException("SMS is configured but ASSISTANT_PUBLIC_URL is not: Twilio's signatures "
                    + "are computed over the public URL, so set it to the base URL Twilio calls (e.g. https://mnemo.example.com)");
        }
        this.twilio = twilio;
        this.channels = channels;
        this.signatures = twilio.configured() ? new TwilioSignatures(twilio.authToken()) : null;
        this.senders = senders;
        this.receipts = receipts;
        this.optOuts = optOuts;
        this.limiter = limiter;
        this.deliveries = deliveries;
        this.conversation = conversation;
        this.replies = replies;
        this.work = channelWork;
    }

    @PostMapping(path = SMS_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> incoming(HttpServletRequest request,
                                    @RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
        Signed signed = signed(request, signature);
        if (signed.refusal() != null) {
            return signed.refusal();
        }
        Map<String, List<String>> params = signed.params();
        String from = Objects.requireNonNullElse(FormBody.first(params, "From"), "");
        String sid = FormBody.first(params, "MessageSid");
        String text = Objects.requireNonNullElse(FormBody.first(params, "Body"), "");
        if (sid == null || sid.isBlank() || from.isBlank()) {
            return jsonError(HttpStatus.BAD_REQUEST, "MessageSid and From are required");
        }
        String user = senders.userFor(Channel.SMS, from).orElse(null);
        if (user == null) {
            log.info("Ignored an SMS from a sender not in ASSISTANT_ALLOWED_SENDERS (…{})", tail(from));
            return twiml();
        }
        if (!receipts.takeIn(Channel.SMS.id(), sid)) {
            log.info("Twilio repeated SMS {}: already taken in", sid);
            return twiml();
        }
        boolean optedOut = optOuts.optedOut(Channel.SMS.id(), from);
        switch (SmsKeyword.of(text)) {
            case STOP -> {
                // Twilio confirms the opt-out itself; from now on nothing is sent to this number.
                optOuts.optOut(Channel.SMS.id(), from);
                return twiml();
            }
            case START -> {
                if (optedOut) { // otherwise "yes" is just an answer
                    optOuts.optIn(Channel.SMS.id(), from);
                    return twiml();
                }
            }
            case HELP, NONE -> {
            }
        }
        if (optedOut) {
            log.info("SMS from a number that sent STOP: not answered (they can send START)");
            return twiml();
        }
        switch (limiter.check(Channel.SMS.id() + ":" + from)) {
            case LIMITED_NOTIFY -> {
                work.execute(() -> reply(from, user, SenderRateLimiter.NOTICE));
                return twiml();
            }
            case LIMITED_SILENT -> {
                return twiml();
            }
            case ALLOWED -> {
            }
        }
        if (text.isBlank()) {
            return twiml();
        }
        if (SmsKeyword.of(text) == SmsKeyword.HELP) {
            work.execute(() -> reply(from, user, HELP));
            return twiml();
        }
        if (InboundMessage.lengthOf(text) > conversation.maxMessageChars()) {
            work.execute(() -> reply(from, user, "That message is too long for me (" + InboundMessage.lengthOf(text) + " characters; at most "
                    + conversation.maxMessageChars() + "). Could you shorten it?"));
            return twiml();
        }
        // Stored before Twilio hears back: from here a crash cannot lose it (it is answered late), and a retry of
        // this delivery is not taken in twice.
        InboundMessage message = new InboundMessage(user, Channel.SMS, text);
        String messageId = receipts.store(Channel.SMS.id(), sid, () -> conversation.receive(message));
        work.execute(() -> answer(from, messageId, message));
        return twiml();
    }

    @PostMapping(path = TwilioGateway.STATUS_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> status(HttpServletRequest request,
                                  @RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
        Signed signed = signed(request, signature);
        if (signed.refusal() != null) {
            return signed.refusal();
        }
        Map<String, List<String>> params = signed.params();
        String sid = FormBody.first(params, "MessageSid");
        String status = FormBody.first(params, "MessageStatus");
        if (sid == null || status == null) {
            return jsonError(HttpStatus.BAD_REQUEST, "MessageSid and MessageStatus are required");
        }
        String error = FormBody.first(params, "ErrorCode");
        if (!deliveries.statusReported(sid, status.toUpperCase(Locale.ROOT), error == null ? null : "Twilio error " + error)) {
            log.info("Status {} for an SMS this instance did not record ({})", status, sid);
        }
        return ResponseEntity.noContent().build();
    }

    /** The request's form when Twilio signed it; otherwise the response that refuses it. */
    private record Signed(Map<String, List<String>> params, ResponseEntity<String> refusal) {
    }

    private Signed signed(HttpServletRequest request, String signature) {
        Map<String, List<String>> params;
        try {
            params = FormBody.read(request);
        } catch (FormBody.BadForm e) {
            return new Signed(null, jsonError(e.status(), e.getMessage()));
        }
        return new Signed(params, verify(request, params, signature));
    }

    /** Null when the request is Twilio's; else the response that refuses it. */
    private ResponseEntity<String> verify(HttpServletRequest request, Map<String, List<String>> params, String signature) {
        if (signatures == null) {
            return jsonError(HttpStatus.NOT_FOUND, "SMS is not configured");
        }
        String url = channels.publicUrl() + request.getRequestURI().substring(request.getContextPath().length())
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        if (!signatures.valid(url, params, signature)) {
            log.warn("Refused a request to {} without a valid Twilio signature", request.getRequestURI());
            return jsonError(HttpStatus.FORBIDDEN, "invalid Twilio signature");
        }
        return null;
    }

    private void answer(String from, String messageId, InboundMessage message) {
        try {
            Reply reply = conversation.answer(messageId, message);
            reply(from, message.userId(), reply.text());
        } catch (RuntimeException e) {
            log.error("Answering SMS message {} of user {} failed; it waits for a late answer", messageId, message.userId(), e);
        }
    }

    private void reply(String to, String user, String text) {
        try {
            replies.sendVia(Channel.SMS, to, user, text, MessageKind.REPLY);
        } catch (ChannelUnavailableException e) {
            log.warn("The SMS reply to user {} was not sent: {}", user, e.getMessage());
        }
    }

    private static ResponseEntity<String> jsonError(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(JsonErrors.body(message));
    }

    private static ResponseEntity<String> twiml() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(EMPTY_TWIML);
    }

    private static String tail(String number) {
        return number.length() <= 4 ? number : number.substring(number.length() - 4);
    }
}
