package dev.mnemo.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A fake Anthropic and OpenAI API on loopback (WireMock), speaking their real wire formats: one server per
 * test JVM, shared by the contexts that point their base URLs at it.
 */
public final class FakeModelServer {
    public static final String ANTHROPIC_KEY = "sk-ant-test-key-do-not-log-0123456789";
    public static final String OPENAI_KEY = "sk-test-openai-key-do-not-log-9876543210";
    public static final String ANTHROPIC_PATH = "/v1/messages";
    public static final String OPENAI_PATH = "/v1/chat/completions";

    private static WireMockServer server;
    private static volatile Consumer<LoggedRequest> onRequest = request -> {
    };

    private FakeModelServer() {
    }

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                    .extensions(new ServeEventListener() {
                        @Override
                        public String getName() {
                            return "on-request";
                        }

                        @Override
                        public void afterMatch(ServeEvent event,
                                               Parameters parameters) {
                            onRequest.accept(event.getRequest());
                        }
                    }));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    /** Runs {@code hook} while a request is being served, before its response is sent. */
    public static void onRequest(Consumer<LoggedRequest> hook) {
        onRequest = hook;
    }

    /** Forgets stubs, recorded requests and the request hook. */
    public static void reset() {
        server().resetAll();
        onRequest = request -> {
        };
    }

    public static String baseUrl() {
        return "http://127.0.0.1:" + server().port();
    }

    /** A request to Anthropic's Messages API for one model. */
    public static MappingBuilder anthropic(String model) {
        return post(urlEqualTo(ANTHROPIC_PATH)).withRequestBody(matchingJsonPath("$.model", equalTo(model)));
    }

    /** A request to OpenAI's Chat Completions API for one model. */
    public static MappingBuilder openAi(String model) {
        return post(urlEqualTo(OPENAI_PATH)).withRequestBody(matchingJsonPath("$.model", equalTo(model)));
    }

    public static ResponseDefinitionBuilder anthropicReply(String model, String text, int input, int output,
                                                           int cacheRead, int cacheWrite) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(Api.json(
                Map.of(
                        "id", "msg_01Test",
                        "type", "message",
                        "role", "assistant",
                        "model", model,
                        "content", List.of(Map.of("type", "text", "text", text)),
                        "stop_reason", "end_turn",
                        "usage", Map.of("input_tokens", input, "output_tokens", output,
                                "cache_creation_input_tokens", cacheWrite, "cache_read_input_tokens", cacheRead))));
    }

    /** A reply asking for one tool, as Anthropic writes it ({@code stop_reason: tool_use}). */
    public static ResponseDefinitionBuilder anthropicToolUse(String model, String toolUseId, String tool,
                                                             Map<String, Object> input, int inputTokens,
                                                             int outputTokens) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(Api.json(
                Map.of(
                        "id", "msg_01Tool",
                        "type", "message",
                        "role", "assistant",
                        "model", model,
                        "content", List.of(Map.of("type", "tool_use", "id", toolUseId, "name", tool, "input", input)),
                        "stop_reason", "tool_use",
                        "usage", Map.of("input_tokens", inputTokens, "output_tokens", outputTokens,
                                "cache_creation_input_tokens", 0, "cache_read_input_tokens", 0))));
    }

    public static ResponseDefinitionBuilder anthropicError(int status, String type) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + type + "\"}}");
    }

    public static ResponseDefinitionBuilder openAiReply(String model, String text, int prompt, int completion,
                                                        int cached) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(Api.json(
                Map.of(
                        "id", "chatcmpl-test",
                        "object", "chat.completion",
                        "created", 1_764_000_000,
                        "model", model,
                        "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                                "message", Map.of("role", "assistant", "content", text))),
                        "usage", Map.of("prompt_tokens", prompt, "completion_tokens", completion,
                                "total_tokens", prompt + completion,
                                "prompt_tokens_details", Map.of("cached_tokens", cached)))));
    }

    public static List<LoggedRequest> requestsFor(String path, String model) {
        return server().findAll(WireMock.postRequestedFor(urlEqualTo(path))
                .withRequestBody(matchingJsonPath("$.model", equalTo(model))));
    }
}
