package dev.mnemo.channel.discord;

import dev.mnemo.system.JsonErrors;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Discord's HTTP interactions endpoint (slash commands without the gateway), when {@code DISCORD_PUBLIC_KEY} is
 * set. Every request must carry a valid Ed25519 signature, else 401 (Discord itself checks that a forged ping is
 * refused before it accepts the endpoint).
 */
@RestController
class DiscordInteractionsController {
    static final String PATH = "/webhooks/discord/interactions";
    private static final int PING = 1;
    private static final int APPLICATION_COMMAND = 2;
    private static final int PONG = 1;
    private static final int CHANNEL_MESSAGE = 4;
    private static final int EPHEMERAL = 64;
    private static final Logger log = LoggerFactory.getLogger(DiscordInteractionsController.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How old a signed request may be: Discord sends at once; anything older is a replay. */
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final DiscordSignature signature;
    private final DiscordInbound inbound;
    private final Clock clock;

    DiscordInteractionsController(DiscordProperties properties, DiscordInbound inbound, Clock clock) {
        this.signature = properties.interactionsConfigured() ? new DiscordSignature(properties.publicKey()) : null;
        this.inbound = inbound;
        this.clock = clock;
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> interaction(@RequestBody(required = false) byte[] body,
                                  @RequestHeader(name = "X-Signature-Ed25519", required = false) String sig,
                                  @RequestHeader(name = "X-Signature-Timestamp", required = false) String timestamp) {
        if (signature == null) {
            return JsonErrors.response(HttpStatus.NOT_FOUND, "Discord interactions are not configured");
        }
        byte[] raw = body == null ? new byte[0] : body;
        if (!signature.valid(timestamp, raw, sig)) {
            log.warn("Refused a Discord interaction without a valid signature");
            return JsonErrors.response(HttpStatus.UNAUTHORIZED, "invalid request signature");
        }
        if (!fresh(timestamp)) {
            // A captured, validly signed request replayed later (e.g. "/forget yes") is refused.
            log.warn("Refused a Discord interaction signed too long ago");
            return JsonErrors.response(HttpStatus.UNAUTHORIZED, "stale request timestamp");
        }
        JsonNode interaction;
        try {
            interaction = JSON.readTree(new String(raw, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return JsonErrors.response(HttpStatus.BAD_REQUEST, "the body is not JSON");
        }
        int type = interaction.path("type").asInt(0);
        if (type == PING) {
            return ResponseEntity.ok(Map.of("type", PONG));
        }
        if (type != APPLICATION_COMMAND) {
            return JsonErrors.response(HttpStatus.BAD_REQUEST, "unsupported interaction type " + type);
        }
        String id = interaction.path("id").asString("");
        String userId = interaction.path("member").path("user").path("id").asString(interaction.path("user").path("id").asString(""));
        JsonNode data = interaction.path("data");
        String name = data.path("name").asString("");
        if (!DiscordText.COMMANDS.containsKey(name)) {
            return message("I don't know the command /" + name + ".");
        }
        String option = null;
        for (JsonNode o : data.path("options")) {
            option = o.path("value").asString(null);
        }
        String answer = inbound.answer(userId, id.isEmpty() ? null : "interaction:" + id,
                DiscordText.commandText(name, option)).text();
        String reply = answer.isBlank() ? "Done." : answer;
        // An interaction gets one message: the first part (commands' answers are short).
        return message(DiscordText.parts(reply).getFirst());
    }

    private boolean fresh(String timestamp) {
        try {
            long signedAt = Long.parseLong(timestamp.strip());
            return Math.abs(clock.instant().getEpochSecond() - signedAt) <= MAX_AGE.toSeconds();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static ResponseEntity<?> message(String content) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("type", CHANNEL_MESSAGE, "data", Map.of("content", content, "flags", EPHEMERAL)));
    }
}
