package dev.mnemo.channel.sms;

import dev.mnemo.channel.internal.Deliveries;
import dev.mnemo.system.JsonErrors;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Twilio's status callbacks: what became of each SMS Mnemo sent (delivered, failed, undelivered). */
@RestController
class SmsStatusController {
    private static final Logger log = LoggerFactory.getLogger(SmsStatusController.class);
    private static final Set<String> FINAL = Set.of("delivered", "undelivered", "failed");

    private final TwilioWebhooks webhooks;
    private final Deliveries deliveries;
    private final TwilioGateway twilio;

    SmsStatusController(TwilioWebhooks webhooks, Deliveries deliveries, TwilioGateway twilio) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.twilio = twilio;
    }

    @PostMapping(path = TwilioGateway.STATUS_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<?> status(HttpServletRequest request,
                             @RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
        TwilioWebhooks.Signed signed = webhooks.read(request, signature);
        if (signed.refusal() != null) {
            return signed.refusal();
        }
        String sid = signed.first("MessageSid");
        String status = signed.first("MessageStatus");
        if (sid == null || status == null) {
            return JsonErrors.response(HttpStatus.BAD_REQUEST, "MessageSid and MessageStatus are required");
        }
        String error = signed.first("ErrorCode");
        if (!deliveries.statusReported(sid, status.toUpperCase(Locale.ROOT), error == null ? null : "Twilio error " + error)) {
            log.info("Status {} for an SMS this instance did not record ({})", status, sid);
        }
        if (FINAL.contains(status.toLowerCase(Locale.ROOT))) {
            // Twilio prices a message once it is delivered or given up on; until then the configured rate per segment stands.
            // A status that comes before the send's own record is lost here: the estimate then stays.
            twilio.recordReportedPrice(sid);
        }
        return ResponseEntity.noContent().build();
    }
}
