package dev.mnemo.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client against the application under test. */
public final class Api {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String token;

    public Api(int port, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    public record Response(int status, String body, String contentType) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** The HTTP client the tests share, for asynchronous calls. */
    public static HttpClient client() {
        return CLIENT;
    }

    public Response post(String path, String json) {
        return send(authorizedRequest(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response get(String path) {
        return send(authorizedRequest(path).GET());
    }

    public Response message(String userId, String text) {
        return post("/api/v1/messages", JSON.writeValueAsString(Map.of("userId", userId, "text", text)));
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    }

    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder authorizedRequest(String path) {
        return request(path).header("Authorization", "Bearer " + token);
    }
}
