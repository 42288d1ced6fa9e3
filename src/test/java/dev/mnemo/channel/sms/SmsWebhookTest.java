package dev.mnemo.channel.sms;

import static dev.mnemo.testing.FakeAnthropicApp.CHEAP;
import static dev.mnemo.testing.FakeModelServer.ANTHROPIC_PATH;
import static dev.mnemo.testing.FakeModelServer.anthropic;
import static dev.mnemo.testing.FakeModelServer.anthropicReply;
import static dev.mnemo.testing.FakeModelServer.server;
import static dev.mnemo.testing.SmsApp.ALICE_PHONE;
import static dev.mnemo.testing.SmsApp.PUBLIC_URL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.mnemo.channel.internal.InboundPipeline;
import dev.mnemo.cost.CostLedger;
import dev.mnemo.cost.CostReport;
import dev.mnemo.testing.FakeModelServer;
import dev.mnemo.testing.FakeTwilio;
import dev.mnemo.testing.MutableClock;
import dev.mnemo.testing.SmsApp;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Twilio's SMS webhook end to end: signatures, allowlist, retries, keywords, limits, the reply through the REST API. */
@SmsApp
@ExtendWith(OutputCaptureExtension.class)
class SmsWebhookTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String STRANGER = "+15559990000";
    private static final String REPORTED = "A reply whose delivery Twilio reports.";
    private static final String ONCE = "Hi Alice! Answered once.";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    CostLedger ledger;

    @BeforeEach
    void setUp() {
        FakeModelServer.reset();
        FakeTwilio.acceptMessages();
        server().stubFor(anthropic(CHEAP).willReturn(anthropicReply(CHEAP, "Hi Alice! All good here.", 300, 10, 0, 0)));
        clock.advance(Duration.ofMinutes(5)); // a fresh rate-limit minute for every test
        jdbc.sql("DELETE FROM opt_outs").update();
    }

    @Test
    void aSignedSmsFromAnAllowedNumberGetsExactlyOneReplyThroughTwilioAndARetryIsNotAnsweredAgain(CapturedOutput output)
            throws Exception {
        server().stubFor(anthropic(CHEAP).willReturn(anthropicReply(CHEAP, ONCE, 300, 10, 0, 0)));
        Map<String, String> params = sms(ALICE_PHONE, "hi there!");

        HttpResponse<String> response = post(params, sign(params));
        HttpResponse<String> retry = post(params, sign(params)); // Twilio retrying the same MessageSid

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
        assertThat(response.body()).contains("<Response></Response>");
        assertThat(retry.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> FakeTwilio.sent().size() == 1);
        Map<String, String> sent = FakeTwilio.sent().getFirst();
        assertThat(sent).containsEntry("To", ALICE_PHONE).containsEntry("From", FakeTwilio.FROM)
                .containsEntry("Body", ONCE)
                .containsEntry("StatusCallback", PUBLIC_URL + "/webhooks/twilio/status");
        assertThat(FakeTwilio.sentRequests().getFirst().getHeader("Authorization")).startsWith("Basic ");
        assertThat(inboundCount("hi there!")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(ONCE).equals(List.of("SENT")));
        assertThat(output.getAll()).doesNotContain(FakeTwilio.AUTH_TOKEN);
    }

    @Test
    void aRetryOfADeliveryThatDiedBeforeItsMessageWasStoredIsTakenInOnce() throws Exception {
        String reply = "Here I am, late but once.";
        server().stubFor(anthropic(CHEAP).willReturn(anthropicReply(CHEAP, reply, 300, 10, 0, 0)));
        Map<String, String> params = sms(ALICE_PHONE, "are you there?");
        // The first delivery got as far as its receipt, then its instance died.
        jdbc.sql("INSERT INTO inbound_receipts (channel, external_id, received_at) VALUES ('sms', ?, ?)")
                .params(params.get("MessageSid"), clock.millis()).update();
        clock.advance(Duration.ofSeconds(30));

        assertThat(post(params, sign(params)).statusCode()).isEqualTo(200); // Twilio's retry
        assertThat(post(params, sign(params)).statusCode()).isEqualTo(200); // and another

        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(reply).equals(List.of("SENT")));
        assertThat(inboundCount("are you there?")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT message_id FROM inbound_receipts WHERE external_id = ?").param(params.get("MessageSid"))
                .query(String.class).single()).isNotNull();
    }

    @Test
    void forgedMissingAndWronglyAddressedSignaturesAreRefusedAndNothingIsStored() throws Exception {
        Map<String, String> params = sms(ALICE_PHONE, "forged hello");
        Map<String, String> tampered = new LinkedHashMap<>(params);
        tampered.put("Body", "tampered hello");

        assertThat(post(params, "bm90IGEgc2lnbmF0dXJl").statusCode()).isEqualTo(403);
        assertThat(post(params, null).statusCode()).isEqualTo(403);
        assertThat(post(tampered, sign(params)).statusCode()).isEqualTo(403);
        // Signed for the internal URL instead of the public one the proxy forwards from.
        String internal = FakeTwilio.sign(FakeTwilio.AUTH_TOKEN, "http://127.0.0.1:" + port + SmsWebhookController.SMS_PATH, params);
        assertThat(post(params, internal).statusCode()).isEqualTo(403);

        assertThat(inboundCount("forged hello") + inboundCount("tampered hello")).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inbound_receipts WHERE external_id = ?").param(params.get("MessageSid"))
                .query(Long.class).single()).isZero();
        assertThat(FakeTwilio.sent()).isEmpty();
    }

    @Test
    void aStrangerGetsNoReplyAndCostsNothing() throws Exception {
        Map<String, String> params = sms(STRANGER, "who is this?");

        assertThat(post(params, sign(params)).statusCode()).isEqualTo(200);

        assertThat(inboundCount("who is this?")).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inbound_receipts WHERE external_id = ?").param(params.get("MessageSid"))
                .query(Long.class).single()).isZero();
        assertThat(FakeTwilio.sent()).isEmpty();
        assertThat(server().getAllServeEvents()).noneMatch(e -> e.getRequest().getUrl().startsWith("/v1/messages"));
    }

    @Test
    void anOversizedRequestIsRefusedBeforeAnythingElse() throws Exception {
        Map<String, String> params = sms(ALICE_PHONE, "x".repeat(70_000));

        assertThat(post(params, sign(params)).statusCode()).isEqualTo(413);
        assertThat(FakeTwilio.sent()).isEmpty();
    }

    @Test
    void stopSilencesTheNumberUntilStartAndHelpAnswersWithoutAModel() throws Exception {
        Map<String, String> stop = sms(ALICE_PHONE, "STOP");
        assertThat(post(stop, sign(stop)).statusCode()).isEqualTo(200);
        Map<String, String> hello = sms(ALICE_PHONE, "hello after stop");
        assertThat(post(hello, sign(hello)).statusCode()).isEqualTo(200);
        assertThat(inboundCount("hello after stop")).isZero(); // not answered: no model call, no SMS

        Map<String, String> start = sms(ALICE_PHONE, "start");
        post(start, sign(start));
        Map<String, String> help = sms(ALICE_PHONE, "HELP");
        post(help, sign(help));
        await().atMost(Duration.ofSeconds(10)).until(() -> FakeTwilio.sent().size() == 1);
        assertThat(FakeTwilio.sent().getFirst().get("Body")).isEqualTo(SmsWebhookController.HELP);

        Map<String, String> yes = sms(ALICE_PHONE, "yes"); // not opted out: an ordinary answer, not a keyword
        post(yes, sign(yes));
        await().atMost(Duration.ofSeconds(10)).until(() -> FakeTwilio.sent().size() == 2);
        assertThat(inboundCount("yes")).isEqualTo(1);
    }

    @Test
    void aLongReplyIsSplitAtSentenceEnds() throws Exception {
        String sentence = "This sentence is exactly fifty characters long ok. ";
        server().stubFor(anthropic(CHEAP).willReturn(anthropicReply(CHEAP, sentence.repeat(15).strip(), 300, 200, 0, 0)));
        Map<String, String> params = sms(ALICE_PHONE, "tell me a long story");

        post(params, sign(params));

        await().atMost(Duration.ofSeconds(10)).until(() -> FakeTwilio.sent().size() == 2);
        assertThat(FakeTwilio.sent()).extracting(m -> m.get("Body"))
                .allSatisfy(body -> assertThat(body).hasSizeLessThanOrEqualTo(500).endsWith("ok."));
    }

    @Test
    void overTheRateLimitTheSenderHearsOnceAndNothingIsAnswered() throws Exception {
        for (int i = 1; i <= 5; i++) {
            Map<String, String> params = sms(ALICE_PHONE, "message number " + i);
            assertThat(post(params, sign(params)).statusCode()).isEqualTo(200);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> FakeTwilio.sent().size() == 4);
        assertThat(FakeTwilio.sent()).extracting(m -> m.get("Body")).containsOnlyOnce(
                InboundPipeline.RATE_LIMITED);
        assertThat(inboundCount("message number 4") + inboundCount("message number 5")).isZero();
    }

    @Test
    void aTooLongSmsGetsThePipelinesOneRefusalAndAnEmptyOneNothing() throws Exception {
        String tooLong = "x".repeat(16_001);
        Map<String, String> empty = sms(ALICE_PHONE, "  "); // a picture without words: an answer would cost a segment
        Map<String, String> longOne = sms(ALICE_PHONE, tooLong);
        assertThat(post(empty, sign(empty)).statusCode()).isEqualTo(200);
        assertThat(post(longOne, sign(longOne)).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> FakeTwilio.sent().size() == 1);
        assertThat(FakeTwilio.sent()).extracting(m -> m.get("Body")).containsExactly(
                "That message is too long for me (16001 characters; at most 16000). Could you shorten it?");
        assertThat(inboundCount(tooLong)).isZero();
    }

    @Test
    void helpIsAnsweredWithinTheRateLimitAndARetriedHelpOnce() throws Exception {
        Map<String, String> help = sms(ALICE_PHONE, "HELP");
        post(help, sign(help));
        post(help, sign(help)); // Twilio retrying the same MessageSid: neither answered nor counted
        Map<String, String> again = sms(ALICE_PHONE, "help");
        post(again, sign(again));
        Map<String, String> stop = sms(ALICE_PHONE, "not a keyword, just a third message");
        post(stop, sign(stop)); // the third of the minute (3 here): still allowed

        await().atMost(Duration.ofSeconds(10)).until(() -> FakeTwilio.sent().size() == 3);
        assertThat(FakeTwilio.sent()).extracting(m -> m.get("Body")).doesNotContain(InboundPipeline.RATE_LIMITED)
                .filteredOn(SmsWebhookController.HELP::equals).hasSize(2);
        Map<String, String> fourth = sms(ALICE_PHONE, "help");
        post(fourth, sign(fourth));
        await().atMost(Duration.ofSeconds(10)).until(() -> FakeTwilio.sent().size() == 4);
        assertThat(FakeTwilio.sent().getLast().get("Body")).as("a HELP past the limit").isEqualTo(InboundPipeline.RATE_LIMITED);
    }

    @Test
    void twiliosDeliveryReportIsRecorded() throws Exception {
        server().stubFor(anthropic(CHEAP).willReturn(anthropicReply(CHEAP, REPORTED, 300, 10, 0, 0)));
        Map<String, String> params = sms(ALICE_PHONE, "report please");
        post(params, sign(params));
        await().atMost(Duration.ofSeconds(10)).until(() -> FakeTwilio.sent().size() == 1);
        // The delivery is recorded once Twilio has answered.
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(REPORTED).size() == 1);
        String sid = jdbc.sql("SELECT external_id FROM deliveries WHERE text = ?").param(REPORTED).query(String.class).single();

        Map<String, String> status = new LinkedHashMap<>(Map.of("MessageSid", sid, "MessageStatus", "delivered",
                "AccountSid", FakeTwilio.ACCOUNT_SID));
        HttpResponse<String> response = post("/webhooks/twilio/status", status,
                FakeTwilio.sign(FakeTwilio.AUTH_TOKEN, PUBLIC_URL + "/webhooks/twilio/status", status));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(jdbc.sql("SELECT status FROM deliveries WHERE external_id = ?").param(sid).query(String.class).single())
                .isEqualTo("DELIVERED");
    }

    @Test
    void anSmsExchangeIsBilledBothWaysAtTwiliosPriceOrTheConfiguredOneAndTheReplyIsSizedForTwoSegments() throws Exception {
        String reply = "Billed " + UUID.randomUUID();
        server().stubFor(anthropic(CHEAP).willReturn(anthropicReply(CHEAP, reply, 300, 10, 0, 0)));
        String user = "alice";
        BigDecimal before = ledger.report(user, YearMonth.now(clock.withZone(ZoneOffset.UTC))).messagingUsd();
        Map<String, String> params = sms(ALICE_PHONE, "what should I cook tonight? something quick with eggs and spinach");
        params.put("NumSegments", "1");

        post(params, sign(params));
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(reply).equals(List.of("SENT")));
        String sid = jdbc.sql("SELECT external_id FROM deliveries WHERE text = ?").param(reply).query(String.class).single();

        String request = server().findAll(WireMock.postRequestedFor(WireMock.urlEqualTo(ANTHROPIC_PATH))).getLast().getBodyAsString();
        assertThat(request).contains("They read this as an SMS").contains("at most 300 characters")
                .containsPattern("\"max_tokens\"\\s*:\\s*120\\b");
        assertThat(charge(params.get("MessageSid"), "INBOUND")).isEqualTo(List.of("1", "8300000", "CONFIGURED"));
        assertThat(charge(sid, "OUTBOUND")).as("Twilio reports no price when it accepts a message")
                .isEqualTo(List.of("1", "8300000", "CONFIGURED"));

        FakeTwilio.reportPrice(sid, "-0.00790", 1);
        Map<String, String> status = new LinkedHashMap<>(Map.of("MessageSid", sid, "MessageStatus", "delivered",
                "AccountSid", FakeTwilio.ACCOUNT_SID));
        post("/webhooks/twilio/status", status, FakeTwilio.sign(FakeTwilio.AUTH_TOKEN, PUBLIC_URL + "/webhooks/twilio/status", status));

        assertThat(charge(sid, "OUTBOUND")).isEqualTo(List.of("1", "7900000", "REPORTED"));
        CostReport report = ledger.report(user, YearMonth.now(clock.withZone(ZoneOffset.UTC)));
        assertThat(report.messagingUsd().subtract(before)).isEqualByComparingTo("0.0162");
        assertThat(report.totalUsd()).isEqualByComparingTo(report.modelsUsd().add(report.messagingUsd()));
        assertThat(ledger.spentThisMonth(user)).as("the budget covers both").isEqualByComparingTo(report.totalUsd());
    }

    private List<String> charge(String sid, String direction) {
        return jdbc.sql("SELECT segments, cost_nanos, price_source FROM channel_charges WHERE external_id = ? AND direction = ?")
                .params(sid, direction)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).single();
    }

    private static Map<String, String> sms(String from, String body) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageSid", FakeTwilio.newSid());
        params.put("AccountSid", FakeTwilio.ACCOUNT_SID);
        params.put("From", from);
        params.put("To", FakeTwilio.FROM);
        params.put("Body", body);
        params.put("NumMedia", "0");
        return params;
    }

    private static String sign(Map<String, String> params) {
        return FakeTwilio.sign(FakeTwilio.AUTH_TOKEN, PUBLIC_URL + SmsWebhookController.SMS_PATH, params);
    }

    private HttpResponse<String> post(Map<String, String> params, String signature) throws Exception {
        return post(SmsWebhookController.SMS_PATH, params, signature);
    }

    private HttpResponse<String> post(String path, Map<String, String> params, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(FakeTwilio.formBody(params)));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<String> deliveries(String text) {
        return jdbc.sql("SELECT status FROM deliveries WHERE text = ?").param(text).query(String.class).list();
    }

    private long inboundCount(String text) {
        return jdbc.sql("SELECT COUNT(*) FROM messages WHERE direction = 'IN' AND text = ?").param(text).query(Long.class).single();
    }
}
