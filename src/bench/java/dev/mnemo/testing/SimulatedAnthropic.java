package dev.mnemo.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for Anthropic's Messages API that bills like it, for the cost simulator: it reads the real request,
 * counts its tokens (about four characters per token, plus Anthropic's documented tool-use system prompt), plays
 * Anthropic's prompt cache (breakpoints, a five-minute lifetime on the simulation's clock, refreshed on use,
 * per-model minimum prefix: 4,096 tokens for Haiku 4.5, 1,024 for Sonnet 4.5) and answers each kind of request
 * (route classification, simple, complex, tool rounds, memory extraction, judging, reconciling, summarising)
 * with a reply of a realistic length. Answers are seeded: a run is reproducible.
 */
public final class SimulatedAnthropic implements AutoCloseable {
    /** Anthropic's tool-use system prompt with tool_choice auto, Claude 4 models (their documentation). */
    static final int TOOL_USE_SYSTEM_TOKENS = 346;
    static final Duration CACHE_TTL = Duration.ofMinutes(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern THEIR_MESSAGE = Pattern.compile("\\[Their message\\]\\n(.*)\\z", Pattern.DOTALL);
    private static final Pattern PERSON_SAID = Pattern.compile("The person said:\\n(.*?)(\\nThe assistant answered:|\\n\\nExchange \\d|\\z)", Pattern.DOTALL);
    private static final String[] WORDS = ("the a to and of you it for that is on your with can be this if in at as "
            + "time day plan one more week good first then about try make sure take some keep next two also start "
            + "would could here there want need way best will may before after each other small ask check").split(" ");

    private final WireMockServer server;
    private final Supplier<Instant> now;
    private final Function<String, String> labelOf;
    private final Map<String, Instant> cache = new ConcurrentHashMap<>();
    private final Random random = new Random(42);

    /** @param labelOf the label of a message of the routing set, standing in for a perfect classifier */
    public SimulatedAnthropic(Supplier<Instant> now, Function<String, String> labelOf) {
        this.now = now;
        this.labelOf = labelOf;
        this.server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().extensions(new Transformer()));
        server.start();
        server.stubFor(post(urlEqualTo("/v1/messages")).willReturn(aResponse().withStatus(200)));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Transformer implements ResponseDefinitionTransformerV2 {
        @Override
        public String getName() {
            return "simulated-anthropic";
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            JsonNode request = JSON.readTree(event.getRequest().getBodyAsString());
            Map<String, Object> reply;
            synchronized (SimulatedAnthropic.this) {
                reply = answer(request);
            }
            return ResponseDefinition.okForJson(reply);
        }
    }

    private Map<String, Object> answer(JsonNode request) {
        String model = request.get("model").asString();
        String system = text(request.get("system"));
        JsonNode messages = request.get("messages");
        String lastUser = text(messages.get(messages.size() - 1).get("content"));
        boolean afterTools = lastUser.isEmpty() && messages.get(messages.size() - 1).toString().contains("tool_result");

        List<Object> content = new ArrayList<>();
        int output;
        if (system.contains("Classify a message")) {
            String label = labelOf.apply(lastUser.strip());
            content.add(textBlock(label == null || label.equals("COMMAND") ? "SIMPLE" : label));
            output = 2;
        } else if (system.contains("memory extractor")) {
            // One short memory per exchange of the burst, with its importance and exchange number.
            Matcher m = PERSON_SAID.matcher(lastUser);
            StringBuilder items = new StringBuilder();
            int n = 0;
            while (m.find()) {
                String first = m.group(1).strip().split("(?<=[.!?])\\s")[0];
                String memory = "The user said: " + (first.length() > 140 ? first.substring(0, 140) : first);
                String lower = first.toLowerCase(Locale.ROOT);
                String kind = lower.matches(".*\\b(tomorrow|next|going to|planning|plan to|will)\\b.*") ? "plan"
                        : lower.matches(".*\\b(yesterday|last|went|was|had)\\b.*") ? "event" : "fact";
                items.append(n == 0 ? "" : ", ").append("{\"text\": ").append(JSON.writeValueAsString(memory))
                        .append(", \"kind\": \"").append(kind).append("\", \"tags\": [\"life\"], \"correction\": false, \"importance\": ")
                        .append(3 + random.nextInt(6)).append(", \"exchange\": ").append(++n).append('}');
            }
            content.add(textBlock("{\"memories\": [" + items + "]}"));
            output = 8 + items.length() / 4;
        } else if (system.contains("importance judge")) {
            long n = lastUser.lines().filter(l -> l.matches("\\d+\\. .*")).count();
            List<Integer> scores = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                scores.add(3 + random.nextInt(6));
            }
            content.add(textBlock("{\"scores\": " + scores + "}"));
            output = 6 + 2 * (int) n;
        } else if (system.contains("A NEW statement about the person")) {
            content.add(textBlock("{\"decision\": \"new\", \"id\": \"\", \"text\": \"\"}"));
            output = 18;
        } else if (system.contains("episodic memories about the person are related")) {
            String summary = prose(40);
            content.add(textBlock("{\"text\": " + JSON.writeValueAsString("The user " + summary) + "}"));
            output = 50;
        } else if (system.contains("asks you to do something")) {
            if (afterTools) {
                output = 20 + random.nextInt(25);
                content.add(textBlock(prose(output)));
            } else {
                Matcher m = THEIR_MESSAGE.matcher(lastUser);
                content.add(toolUse(m.find() ? m.group(1) : lastUser));
                output = 55 + random.nextInt(30);
            }
        } else if (system.contains("asks for planning")) {
            output = 250 + random.nextInt(201); // "structured, useful, as concise as the task allows", by text message
            content.add(textBlock(prose(output)));
        } else {
            output = 30 + random.nextInt(41); // "one to three sentences"
            content.add(textBlock(prose(output)));
        }
        // A reply never runs past the request's max_tokens (the SMS room, the simple cap).
        if (request.has("max_tokens") && output > request.get("max_tokens").asInt()) {
            output = request.get("max_tokens").asInt();
        }
        Usage usage = usage(model, request);
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("id", "msg_sim");
        reply.put("type", "message");
        reply.put("role", "assistant");
        reply.put("model", model);
        reply.put("content", content);
        reply.put("stop_reason", content.getLast() instanceof Map<?, ?> block && "tool_use".equals(block.get("type")) ? "tool_use" : "end_turn");
        reply.put("usage", Map.of("input_tokens", usage.input, "output_tokens", output,
                "cache_read_input_tokens", usage.cacheRead, "cache_creation_input_tokens", usage.cacheWrite));
        return reply;
    }

    private Map<String, Object> toolUse(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        String id = "toolu_" + Integer.toHexString(random.nextInt());
        Map<String, Object> input = new LinkedHashMap<>();
        String name;
        if (lower.matches("(?s).*\\b(cancel|delete|move|snooze|reschedule|turn off|clear|what|show|any|did i)\\b.*\\breminders?\\b.*")
                || lower.matches("(?s).*\\breminders?\\b.*\\?.*")) {
            name = "list_reminders";
        } else if (lower.matches("(?s).*\\b(remind|rmd|ping|don'?t let me forget)\\b.*")) {
            name = "set_reminder";
            input.put("text", message.length() > 80 ? message.substring(0, 80) : message);
            input.put("when", now.get().plus(Duration.ofDays(1)).atZone(ZoneOffset.UTC)
                    .toLocalDateTime().withSecond(0).withNano(0).toString());
        } else if (lower.matches("(?s).*\\b(forget|delete|erase|remove)\\b.*")) {
            name = "forget";
            input.put("query", message.length() > 60 ? message.substring(0, 60) : message);
        } else if (lower.matches("(?s).*\\b(remember|note|save|write down|keep)\\b.*")) {
            name = "remember";
            input.put("text", message);
        } else {
            name = "current_time";
        }
        return Map.of("type", "tool_use", "id", id, "name", name, "input", input);
    }

    private record Usage(int input, int cacheRead, int cacheWrite) {
    }

    /** Anthropic's billing of one request's input: what the cache served, what it stored, the rest. */
    private Usage usage(String model, JsonNode request) {
        List<JsonNode> blocks = new ArrayList<>();
        request.path("tools").forEach(blocks::add);
        JsonNode system = request.get("system");
        if (system != null && system.isArray()) {
            system.forEach(blocks::add);
        } else if (system != null) {
            blocks.add(system);
        }
        for (JsonNode message : request.get("messages")) {
            JsonNode content = message.get("content");
            if (content.isArray()) {
                content.forEach(blocks::add);
            } else {
                blocks.add(content);
            }
        }
        int overhead = request.has("tools") ? TOOL_USE_SYSTEM_TOKENS : 0;
        int[] cumulative = new int[blocks.size()];
        String[] prefixHash = new String[blocks.size()];
        int total = overhead;
        String hash = model;
        int lastBreakpoint = -1;
        for (int i = 0; i < blocks.size(); i++) {
            JsonNode block = blocks.get(i);
            // Text blocks count their text; tool definitions, calls and results their JSON.
            total += tokens(block.isString() ? block.asString() : block.has("text") ? block.get("text").asString()
                    : block.toString().replaceAll(",?\"cache_control\":\\{[^}]*}", "")) + 3;
            cumulative[i] = total;
            hash = sha256(hash + "|" + block.toString().replaceAll(",?\"cache_control\":\\{[^}]*}", ""));
            prefixHash[i] = hash;
            if (block.has("cache_control")) {
                lastBreakpoint = i;
            }
        }
        Instant now = this.now.get();
        int read = 0;
        int hit = -1;
        for (int i = lastBreakpoint; i >= 0; i--) {
            Instant expires = cache.get(prefixHash[i]);
            if (expires != null && expires.isAfter(now)) {
                read = cumulative[i];
                hit = i;
                cache.put(prefixHash[i], now.plus(CACHE_TTL));
                break;
            }
        }
        int written = 0;
        int minimum = model.contains("haiku") ? 4096 : 1024;
        for (int i = hit + 1; i <= lastBreakpoint; i++) {
            if (blocks.get(i).has("cache_control") && cumulative[i] >= minimum) {
                cache.put(prefixHash[i], now.plus(CACHE_TTL));
                written = cumulative[i] - read;
            }
        }
        return new Usage(total - read - written, read, written);
    }

    private static int tokens(String text) {
        return (text.length() + 3) / 4;
    }

    private String prose(int tokens) {
        StringBuilder out = new StringBuilder();
        while (out.length() < tokens * 4) {
            out.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(12) == 0 ? ". " : " ");
        }
        return out.toString().strip() + ".";
    }

    private static Map<String, Object> textBlock(String text) {
        return Map.of("type", "text", "text", text);
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return "";
        }
        if (node.isString()) {
            return node.asString();
        }
        StringBuilder out = new StringBuilder();
        for (JsonNode block : node) {
            if (block.has("text")) {
                out.append(block.get("text").asString());
            }
        }
        return out.toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
