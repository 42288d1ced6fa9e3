package dev.mnemo.terminal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The server's HTTP API as the chat uses it: who am I, send a message, the inbox and its acknowledgement. */
class ChatServer {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Longer than the server's reply deadline (25 s by default), which always answers first. */
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration SHORT_TIMEOUT = Duration.ofSeconds(5);

    /** A failure the person is told about in words: the server's own message, or what went wrong on the way. */
    static class Failure extends Exception {
        /** Nothing reached the server: the connection was refused. */
        static final int UNREACHABLE = -1;
        /** The request may have arrived: a timeout, or the connection broke on the way. */
        static final int NO_ANSWER = 0;
        final int status;

        Failure(String message, int status) {
            super(message);
            this.status = status;
        }
    }

    /** @param model the models in use, or empty offline */
    record Session(String userId, String displayName, int maxMessageChars, String model) {
    }

    /** A message from the inbox, to acknowledge by its id once shown. */
    record InboxItem(String id, String text) {
    }

    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(SHORT_TIMEOUT).build();
    private volatile Session session;

    /** @param base the server's base URL, ending in {@code /}: the API's paths are resolved under it */
    ChatServer(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    URI base() {
        return base;
    }

    /** Asks the server who this token is; the answer is kept ({@link #lastSession()}). */
    Session session() throws Failure {
        JsonNode me = call(request("api/v1/me", SHORT_TIMEOUT).GET());
        return session = new Session(me.path("userId").asString(""), me.path("displayName").asString(""),
                me.path("maxMessageChars").asInt(16_000), me.path("model").isNull() ? "" : me.path("model").asString(""));
    }

    Session lastSession() {
        return session;
    }

    String send(String text) throws Failure {
        String body = JSON.writeValueAsString(Map.of("text", text));
        return call(request("api/v1/messages", REPLY_TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))).path("reply").asString("");
    }

    /** What waits in the inbox; nothing is handed over until {@link #acknowledge} says it was shown. */
    List<InboxItem> inbox() throws Failure {
        List<InboxItem> items = new ArrayList<>();
        call(request("api/v1/inbox/pending", SHORT_TIMEOUT).GET()).path("items")
                .forEach(item -> items.add(new InboxItem(item.path("id").asString(""), item.path("text").asString(""))));
        return items;
    }

    void acknowledge(List<String> ids) throws Failure {
        call(request("api/v1/inbox/ack", SHORT_TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("ids", ids)))));
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    private JsonNode call(HttpRequest.Builder request) throws Failure {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new Failure("No Mnemo server answers at " + base + ".", Failure.UNREACHABLE);
        } catch (HttpTimeoutException e) {
            throw new Failure("The server at " + base + " took too long to answer.", Failure.NO_ANSWER);
        } catch (IOException e) {
            throw new Failure("The connection to " + base + " broke (" + e.getMessage() + ").", Failure.NO_ANSWER);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("Interrupted.", Failure.NO_ANSWER);
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw new Failure("The server at " + base + " did not answer as Mnemo does (HTTP " + response.statusCode()
                    + "). Is MNEMO_URL right?", response.statusCode());
        }
        if (response.statusCode() / 100 != 2) {
            throw new Failure(body.path("error").asString("HTTP " + response.statusCode()), response.statusCode());
        }
        return body;
    }
}
