package dev.mnemo.channel.discord;

import static dev.mnemo.testing.SmsApp.ALICE_DISCORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.channel.internal.InboundPipeline;
import dev.mnemo.testing.MutableClock;
import dev.mnemo.testing.SharedData;
import dev.mnemo.testing.SmsApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Discord's HTTP interactions endpoint: Ed25519 signatures, ping, slash commands from allowed users only. */
@SmsApp
class DiscordInteractionsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;

    @Test
    void aSignedPingGetsAPongAndAForgedOrStaleOneIs401() throws Exception {
        String ping = "{\"type\":1}";
        String now = now();
        HttpResponse<String> pong = post(ping, now, sign(now, ping));
        assertThat(pong.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(pong.body()).get("type").asInt()).isEqualTo(1);

        String later = String.valueOf(Long.parseLong(now) + 1);
        assertThat(post(ping, later, sign(now, ping)).statusCode()).isEqualTo(401); // changed timestamp
        assertThat(post("{\"type\": 1}", now, sign(now, ping)).statusCode()).isEqualTo(401); // re-serialised
        assertThat(post(ping, now, null).statusCode()).isEqualTo(401);
        String hourAgo = String.valueOf(Long.parseLong(now) - 3600);
        assertThat(post(ping, hourAgo, sign(hourAgo, ping)).statusCode()).isEqualTo(401); // replayed later
    }

    @Test
    void aSlashCommandFromAnAllowedUserRunsTheSharedCommand() throws Exception {
        String body = """
                {"id":"%s","type":2,"member":{"user":{"id":"%s"}},"data":{"name":"remember","options":[{"name":"text","type":3,"value":"my cat is called Miso"}]}}"""
                .formatted(UUID.randomUUID(), ALICE_DISCORD).strip();
        String now = now();
        JsonNode reply = JSON.readTree(post(body, now, sign(now, body)).body());

        assertThat(reply.get("type").asInt()).isEqualTo(4);
        assertThat(reply.get("data").get("content").asString()).startsWith("I'll remember: ").contains("Miso");
        assertThat(JSON.readTree(post(body, now, sign(now, body)).body()).get("data").get("content").asString())
                .isEqualTo(InboundPipeline.DUPLICATE); // the same interaction delivered twice

        String stranger = body.replace(ALICE_DISCORD, "99999").replaceFirst("\"id\":\"[^\"]+\"", "\"id\":\"other\"");
        assertThat(JSON.readTree(post(stranger, now, sign(now, stranger)).body())
                .get("data").get("content").asString()).isEqualTo("This assistant is private.");
    }

    @Test
    void aTooLongCommandGetsThePipelinesOneRefusal() throws Exception {
        String text = "x".repeat(16_001);
        String body = ("{\"id\":\"%s\",\"type\":2,\"user\":{\"id\":\"%s\"},\"data\":{\"name\":\"remember\","
                + "\"options\":[{\"name\":\"text\",\"type\":3,\"value\":\"%s\"}]}}").formatted(UUID.randomUUID(), ALICE_DISCORD, text);
        String now = now();
        JsonNode reply = JSON.readTree(post(body, now, sign(now, body)).body());

        assertThat(reply.get("data").get("content").asString())
                .isEqualTo(InboundPipeline.tooLong(DiscordText.commandText("remember", text).length(), 16_000));
    }

    @Test
    void theSignatureCheckAgreesWithEveryPublishedVector() throws Exception {
        JsonNode vectors = JSON.readTree(Files.readString(SharedData.require("signatures/discord.json")));
        int checked = 0;
        for (JsonNode v : vectors.get("rfc8032")) {
            DiscordSignature check = new DiscordSignature(v.get("public_key_hex").asString());
            // The RFC's messages have no timestamp: an empty one leaves the signed bytes as they are.
            assertThat(check.valid("", HexFormat.of().parseHex(v.get("message_hex").asString()), v.get("signature_hex").asString()))
                    .as(v.get("name").asString()).isEqualTo(v.get("expected_valid").asBoolean());
            checked++;
        }
        for (JsonNode v : vectors.get("discord_format")) {
            DiscordSignature check = new DiscordSignature(v.get("public_key_hex").asString());
            JsonNode headers = v.get("headers");
            assertThat(check.valid(headers.path("X-Signature-Timestamp").asString(null),
                    v.get("body").asString().getBytes(StandardCharsets.UTF_8), headers.path("X-Signature-Ed25519").asString(null)))
                    .as(v.path("name").asString()).isEqualTo(v.get("expected_valid").asBoolean());
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(14);
    }

    private String now() {
        return String.valueOf(clock.instant().getEpochSecond());
    }

    private HttpResponse<String> post(String body, String timestamp, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + DiscordInteractionsController.PATH))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (timestamp != null) {
            request.header("X-Signature-Timestamp", timestamp);
        }
        if (signature != null) {
            request.header("X-Signature-Ed25519", signature);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs as Discord does, with the test key's seed (PKCS#8 wrapping of a raw Ed25519 seed). */
    private static String sign(String timestamp, String body) throws Exception {
        byte[] der = HexFormat.of().parseHex("302e020100300506032b657004220420" + SmsApp.DISCORD_SEED);
        PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key);
        signer.update((timestamp + body).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(signer.sign());
    }
}
