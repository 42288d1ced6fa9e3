package dev.mnemo.channel.sms;

import dev.mnemo.channel.internal.ChannelProperties;
import dev.mnemo.system.JsonErrors;
import dev.mnemo.system.JsonErrors.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Reads a Twilio webhook's form and checks its {@code X-Twilio-Signature} over the public URL
 * ({@code ASSISTANT_PUBLIC_URL}) and its parameters: anything else is refused before it is looked at.
 */
@Component
class TwilioWebhooks {
    private static final Logger log = LoggerFactory.getLogger(TwilioWebhooks.class);

    private final ChannelProperties channels;
    private final TwilioSignatures signatures;

    TwilioWebhooks(TwilioProperties twilio, ChannelProperties channels) {
        if (twilio.configured() && channels.publicUrl().isEmpty()) {
            throw new IllegalStateException("SMS is configured but ASSISTANT_PUBLIC_URL is not: Twilio's signatures "
                    + "are computed over the public URL, so set it to the base URL Twilio calls (e.g. https://mnemo.example.com)");
        }
        this.channels = channels;
        this.signatures = twilio.configured() ? new TwilioSignatures(twilio.authToken()) : null;
    }

    /** The request's form when Twilio signed it; otherwise the response that refuses it. */
    record Signed(Map<String, List<String>> params, ResponseEntity<ApiError> refusal) {
        String first(String name) {
            return FormBody.first(params, name);
        }
    }

    Signed read(HttpServletRequest request, String signature) {
        Map<String, List<String>> params;
        try {
            params = FormBody.read(request);
        } catch (FormBody.BadForm e) {
            return new Signed(null, JsonErrors.response(e.status(), e.getMessage()));
        }
        if (signatures == null) {
            return new Signed(null, JsonErrors.response(HttpStatus.NOT_FOUND, "SMS is not configured"));
        }
        String url = channels.publicUrl() + request.getRequestURI().substring(request.getContextPath().length())
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        if (!signatures.valid(url, params, signature)) {
            log.warn("Refused a request to {} without a valid Twilio signature", request.getRequestURI());
            return new Signed(null, JsonErrors.response(HttpStatus.FORBIDDEN, "invalid Twilio signature"));
        }
        return new Signed(params, null);
    }
}
