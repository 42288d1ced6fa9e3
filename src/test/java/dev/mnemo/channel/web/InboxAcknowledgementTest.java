package dev.mnemo.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.channel.MessageKind;
import dev.mnemo.channel.ReplySender;
import dev.mnemo.security.PersonTokens;
import dev.mnemo.testing.Api;
import dev.mnemo.testing.SqliteApp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** What waits in the inbox stays there until a client says it showed it; then it is gone, for every client. */
@SqliteApp
class InboxAcknowledgementTest {
    @LocalServerPort
    int port;
    @Autowired
    ReplySender replies;
    @Autowired
    PersonTokens tokens;

    @Test
    void pendingHandsNothingOverAndAnAcknowledgementDoesOnce() {
        String user = "inbox-" + UUID.randomUUID();
        Api api = new Api(port, tokens.create(user, "chat").secret());
        replies.send(user, "Reminder: water the plants", MessageKind.REMINDER);
        replies.send(user, "Reminder: call Ana", MessageKind.REMINDER);

        JsonNode first = api.get("/api/v1/inbox/pending").json().get("items");
        JsonNode again = api.get("/api/v1/inbox/pending").json().get("items");
        assertThat(first).hasSize(2);
        assertThat(again).isEqualTo(first);
        assertThat(first.get(0).get("text").asString()).isEqualTo("Reminder: water the plants");

        String id = first.get(0).get("id").asString();
        Api.Response acked = api.post("/api/v1/inbox/ack", Api.json(Map.of("ids", List.of(id, id))));
        assertThat(acked.json().get("acknowledged").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/inbox/pending").json().get("items")).hasSize(1);
        assertThat(api.get("/api/v1/inbox").json().get("messages").get(0).asString()).isEqualTo("Reminder: call Ana");
        assertThat(api.get("/api/v1/inbox/pending").json().get("items")).isEmpty();
    }

    @Test
    void aMalformedAcknowledgementIsA400AndChangesNothing() {
        String user = "inbox-" + UUID.randomUUID();
        Api api = new Api(port, tokens.create(user, "chat").secret());
        replies.send(user, "Reminder: stretch", MessageKind.REMINDER);
        for (String body : List.of("{}", "{\"ids\": []}", "{\"ids\": [null]}", "{\"ids\": \"x\"}",
                "{\"ids\": [\"" + "x".repeat(65) + "\"]}")) {
            Api.Response refused = api.post("/api/v1/inbox/ack", body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.json().has("error")).isTrue();
        }
        assertThat(api.get("/api/v1/inbox/pending").json().get("items")).hasSize(1);
    }
}
