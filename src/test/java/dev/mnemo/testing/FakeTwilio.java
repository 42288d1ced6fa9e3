package dev.mnemo.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio on loopback: the Messages resource of the REST API (on {@link FakeModelServer}'s WireMock) answering
 * like Twilio, and webhook requests signed the way Twilio signs them.
 */
public final class FakeTwilio {
    public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    public static final String AUTH_TOKEN = "twilio-auth-token-do-not-log-42";
    public static final String FROM = "+15550006666";
    public static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
    private static final AtomicInteger SIDS = new AtomicInteger();

    private FakeTwilio() {
    }

    /**
     * Accepts every message with the account's credentials, as Twilio does (201 with the message resource), and
     * challenges a request without them (401, as Twilio's API does; the SDK then sends its credentials).
     */
    public static void acceptMessages() {
        withCredentials(() -> post(urlEqualTo(MESSAGES_PATH)), aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withTransformers("response-template")
                .withBody("""
                        {"sid": "SM{{randomValue length=32 type='HEXADECIMAL'}}", "account_sid": "%s", "status": "queued",
                         "to": "{{formData request.body 'form' urlDecode=true}}{{form.To}}", "from": "%s",
                         "body": "{{form.Body}}", "num_segments": "1", "direction": "outbound-api",
                         "date_created": "Thu, 26 Nov 2026 10:00:00 +0000", "uri": "/2010-04-01/Accounts/%s/Messages/SM0.json"}"""
                        .formatted(ACCOUNT_SID, FROM, ACCOUNT_SID)));
    }

    /** Twilio's message resource for {@code sid} once it has priced it (a fetch with the account's credentials). */
    public static void reportPrice(String sid, String price, int segments) {
        String path = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages/" + sid + ".json";
        withCredentials(() -> get(urlEqualTo(path)), aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("""
                        {"sid": "%s", "account_sid": "%s", "status": "delivered", "num_segments": "%d", "price": "%s",
                         "price_unit": "USD", "direction": "outbound-api", "uri": "%s"}"""
                        .formatted(sid, ACCOUNT_SID, segments, price, path)));
    }

    /** The answer for a request with the account's credentials; Twilio's 401 challenge for one without. */
    private static void withCredentials(Supplier<MappingBuilder> request, ResponseDefinitionBuilder answer) {
        FakeModelServer.server().stubFor(request.get().atPriority(10).willReturn(aResponse().withStatus(401)
                .withHeader("WWW-Authenticate", "Basic realm=\"Twilio API\"")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\": 20003, \"message\": \"Authenticate\", \"status\": 401}")));
        String credentials = "Basic " + Base64.getEncoder().encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
        FakeModelServer.server().stubFor(request.get().atPriority(1).withHeader("Authorization", WireMock.equalTo(credentials))
                .willReturn(answer));
    }

    /** What Twilio accepted to send (authenticated requests), as form parameters, in order. */
    public static List<Map<String, String>> sent() {
        return sentRequests().stream().map(FakeTwilio::form).toList();
    }

    public static List<LoggedRequest> sentRequests() {
        return FakeModelServer.server().findAll(postRequestedFor(urlEqualTo(MESSAGES_PATH))).stream()
                .filter(r -> r.containsHeader("Authorization")).toList();
    }

    public static Map<String, String> form(LoggedRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    /** A new MessageSid for an inbound SMS. */
    public static String newSid() {
        return "SM" + String.format("%032d", SIDS.incrementAndGet());
    }

    /** Twilio's signature: Base64(HMAC-SHA1(auth token, url + each POST parameter's name and value, sorted by name)). */
    public static String sign(String token, String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The URL-encoded form body of these parameters. */
    public static String formBody(Map<String, String> params) {
        StringBuilder body = new StringBuilder();
        params.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return body.toString();
    }
}
