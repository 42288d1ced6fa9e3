package dev.mnemo.testing;

import static org.awaitility.Awaitility.await;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Discord on loopback, for the real JDA: the REST API (the bot's own user, users, DM channels, messages, the slash
 * command list) and the WebSocket gateway (HELLO, IDENTIFY with the bot token checked — close 4004 otherwise —
 * READY, HEARTBEAT/ACK, RESUME, and MESSAGE_CREATE dispatched for a DM), both on an embedded Tomcat with its
 * JSR-356 WebSocket server. Frames are plain JSON text (JDA parses text frames directly; it inflates only binary).
 */
public final class FakeDiscord implements AutoCloseable {
    public static final String BOT_TOKEN = "fake-discord-bot-token.do-not-log";
    public static final String BOT_ID = "100000000000000001";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long DISCORD_EPOCH = 1_420_070_400_000L;
    private static final AtomicLong IDS = new AtomicLong();
    private static FakeDiscord shared;

    /** One request to the REST API, as JDA made it. */
    public record Request(String method, String route, String authorization, String body) {
        public boolean is(String method, String route) {
            return this.method.equals(method) && this.route.equals(route);
        }
    }

    private final Tomcat tomcat = new Tomcat();
    private final Path baseDir;
    private final int port;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, List<String>> posted = new ConcurrentHashMap<>();
    private final Map<String, String> dmChannelByUser = new ConcurrentHashMap<>();
    private final List<Long> identifiedIntents = new CopyOnWriteArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile Session gateway;
    private volatile String sessionId;
    private volatile boolean ready;

    private FakeDiscord() {
        try {
            baseDir = Files.createTempDirectory("fake-discord");
            tomcat.setBaseDir(baseDir.toString());
            tomcat.setHostname("127.0.0.1");
            tomcat.setPort(0);
            tomcat.getConnector().setProperty("address", "127.0.0.1");
            tomcat.getEngine().setName("fake-discord");
            Context context = tomcat.addContext("", null);
            Tomcat.addServlet(context, "rest", new Rest());
            context.addServletMappingDecoded("/api/v10/*", "rest");
            // Tomcat runs filters (WebSocket upgrades are one) only for a mapped path.
            context.addServletMappingDecoded("/gateway", "rest");
            context.addServletContainerInitializer(new WsSci(), null);
            // Initializers run in the order added: WsSci first makes the WebSocket container the gateway joins.
            context.addServletContainerInitializer((classes, servletContext) -> {
                ServerContainer container = (ServerContainer) servletContext.getAttribute(ServerContainer.class.getName());
                try {
                    container.addEndpoint(ServerEndpointConfig.Builder.create(Gateway.class, "/gateway")
                            .configurator(new ServerEndpointConfig.Configurator() {
                                @Override
                                public <T> T getEndpointInstance(Class<T> type) {
                                    return type.cast(new Gateway());
                                }
                            }).build());
                } catch (DeploymentException e) {
                    throw new IllegalStateException(e);
                }
            }, null);
            tomcat.start();
            port = tomcat.getConnector().getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (LifecycleException e) {
            throw new IllegalStateException("the fake Discord did not start", e);
        }
    }

    /** The one fake of this JVM (test applications are cached, and so is their bot's connection). */
    public static synchronized FakeDiscord shared() {
        if (shared == null) {
            shared = new FakeDiscord();
            FakeDiscord closing = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    closing.close();
                } catch (LifecycleException e) {
                    // the JVM is going anyway
                }
            }, "fake-discord-stop"));
        }
        return shared;
    }

    /** The REST API root JDA is given (with the API version, as Discord's). */
    public String restUrl() {
        return "http://127.0.0.1:" + port + "/api/v10/";
    }

    public String gatewayUrl() {
        return "ws://127.0.0.1:" + port + "/gateway";
    }

    /** A new Discord id (a snowflake: its time part is now). */
    public static String snowflake() {
        return Long.toUnsignedString(((System.currentTimeMillis() - DISCORD_EPOCH) << 22) | (IDS.incrementAndGet() & 0x3FFFFF));
    }

    /** Waits until the bot identified with its token and was sent READY (or RESUMED). */
    public void awaitReady(Duration timeout) {
        await().atMost(timeout).until(() -> ready);
    }

    public boolean ready() {
        return ready;
    }

    /** The intents of every IDENTIFY, in order. */
    public List<Long> identifiedIntents() {
        return List.copyOf(identifiedIntents);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** A DM from {@code userId} to the bot; returns the message's id. */
    public String sendDirectMessage(String userId, String channelId, String text) {
        return sendDirectMessage(userId, channelId, text, snowflake());
    }

    /** The same, with the message's id given (a repeated delivery reuses one). */
    public String sendDirectMessage(String userId, String channelId, String text, String messageId) {
        dmChannelByUser.put(userId, channelId);
        dispatch("MESSAGE_CREATE", message(messageId, channelId, user(userId), text));
        return messageId;
    }

    /** What the bot posted in a channel, in order. */
    public List<String> postedMessages(String channelId) {
        return List.copyOf(posted.getOrDefault(channelId, List.of()));
    }

    /** The first message the bot posts in the channel (waiting up to 10 s). */
    public String awaitPostedMessage(String channelId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !postedMessages(channelId).isEmpty());
        return postedMessages(channelId).getFirst();
    }

    /** The DM channel the bot opened (or the user wrote from) for this user, if any. */
    public String dmChannelOf(String userId) {
        return dmChannelByUser.get(userId);
    }

    /** Closes the gateway connection with this code, as Discord does (4000: try to resume; 4004: the token is bad). */
    public void disconnect(int code) {
        ready = false;
        Session current = gateway;
        if (current != null) {
            try {
                current.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), "fake disconnect"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
        FileSystemUtils.deleteRecursively(baseDir.toFile());
    }

    private void dispatch(String type, Map<String, Object> data) {
        send(gateway, Map.of("op", 0, "t", type, "s", sequence.incrementAndGet(), "d", data));
    }

    private static void send(Session session, Map<String, Object> payload) {
        if (session == null || !session.isOpen()) {
            throw new IllegalStateException("the bot is not connected to the fake gateway");
        }
        try {
            synchronized (session) {
                session.getBasicRemote().sendText(JSON.writeValueAsString(payload));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The gateway: one instance per connection. */
    final class Gateway extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.setMaxTextMessageBufferSize(1 << 20);
            String query = session.getQueryString() == null ? "" : session.getQueryString();
            if (!Arrays.asList(query.split("&")).containsAll(List.of("encoding=json", "v=10"))) {
                close(session, 4012, "Invalid API version or encoding");
                return;
            }
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> receive(session, text));
            send(session, Map.of("op", 10, "d", Map.of("heartbeat_interval", 41_250)));
        }

        private void receive(Session session, String text) {
            JsonNode payload = JSON.readTree(text);
            JsonNode d = payload.path("d");
            switch (payload.path("op").asInt(-1)) {
                case 1 -> send(session, Map.of("op", 11));
                case 2 -> identify(session, d);
                case 6 -> resume(session, d);
                default -> {
                }
            }
        }

        private void identify(Session session, JsonNode d) {
            if (!BOT_TOKEN.equals(d.path("token").asString(""))) {
                close(session, 4004, "Authentication failed.");
                return;
            }
            identifiedIntents.add(d.path("intents").asLong());
            gateway = session;
            sessionId = UUID.randomUUID().toString();
            Map<String, Object> readyData = new LinkedHashMap<>();
            readyData.put("v", 10);
            readyData.put("user", selfUser());
            readyData.put("guilds", List.of());
            readyData.put("private_channels", List.of()); // JDA needs it to keep the session (and resume)
            readyData.put("session_id", sessionId);
            readyData.put("session_type", "normal");
            readyData.put("resume_gateway_url", gatewayUrl());
            readyData.put("application", Map.of("id", BOT_ID, "flags", 0));
            dispatch("READY", readyData);
            ready = true;
        }

        private void resume(Session session, JsonNode d) {
            if (!d.path("session_id").asString("").equals(sessionId) || !BOT_TOKEN.equals(d.path("token").asString(""))) {
                send(session, Map.of("op", 9, "d", false));
                return;
            }
            gateway = session;
            dispatch("RESUMED", Map.of());
            ready = true;
        }

        private void close(Session session, int code, String reason) {
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
            } catch (IOException e) {
                // the bot went away first
            }
        }
    }

    /** The REST API, at {@code /api/v10/}. */
    final class Rest extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String route = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
            String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String authorization = request.getHeader("Authorization");
            requests.add(new Request(request.getMethod(), route, authorization, body));
            response.setContentType("application/json");
            if (!("Bot " + BOT_TOKEN).equals(authorization)) {
                answer(response, 401, Map.of("message", "401: Unauthorized", "code", 0));
                return;
            }
            String[] segments = route.split("/");
            String call = request.getMethod() + " " + route;
            if (call.equals("GET users/@me")) {
                answer(response, 200, selfUser());
            } else if (call.matches("GET users/\\d{1,3}")) {
                answer(response, 404, Map.of("message", "Unknown User", "code", 10013));
            } else if (call.matches("GET users/\\d+")) {
                answer(response, 200, user(segments[1]));
            } else if (call.equals("POST users/@me/channels")) {
                String recipient = JSON.readTree(body).path("recipient_id").asString("");
                String channel = dmChannelByUser.computeIfAbsent(recipient, u -> snowflake());
                answer(response, 200, Map.of("id", channel, "type", 1, "recipients", List.of(user(recipient))));
            } else if (call.matches("POST channels/\\d+/messages")) {
                String content = JSON.readTree(body).path("content").asString("");
                if (content.isEmpty() || content.length() > 2000) {
                    answer(response, 400, Map.of("message", "Invalid Form Body", "code", 50035));
                    return;
                }
                posted.computeIfAbsent(segments[1], c -> new CopyOnWriteArrayList<>()).add(content);
                answer(response, 200, message(snowflake(), segments[1], selfUser(), content));
            } else if (call.equals("PUT applications/" + BOT_ID + "/commands")) {
                answer(response, 200, List.of());
            } else {
                answer(response, 404, Map.of("message", "404: Not Found", "code", 0));
            }
        }

        private void answer(HttpServletResponse response, int status, Object json) throws IOException {
            response.setStatus(status);
            response.getOutputStream().write(JSON.writeValueAsBytes(json));
        }
    }

    private static Map<String, Object> selfUser() {
        Map<String, Object> user = user(BOT_ID);
        user.put("username", "mnemo");
        user.put("bot", true);
        user.put("verified", true);
        user.put("mfa_enabled", false);
        return user;
    }

    /** A user as Discord shows one; ids under 1000 are unknown (a 404 a test can ask for). */
    private static Map<String, Object> user(String id) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", id);
        user.put("username", "user" + id);
        user.put("global_name", "User " + id);
        user.put("avatar", null);
        user.put("discriminator", "0");
        user.put("public_flags", 0);
        return user;
    }

    /** A message in a DM: no guild_id and no member, so JDA builds the private channel from it. */
    private static Map<String, Object> message(String id, String channelId, Map<String, Object> author, String content) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", id);
        message.put("type", 0);
        message.put("channel_id", channelId);
        message.put("author", author);
        message.put("content", content);
        message.put("timestamp", Instant.ofEpochMilli((Long.parseUnsignedLong(id) >>> 22) + DISCORD_EPOCH).toString());
        message.put("edited_timestamp", null);
        message.put("tts", false);
        message.put("mention_everyone", false);
        message.put("mentions", List.of());
        message.put("mention_roles", List.of());
        message.put("attachments", List.of());
        message.put("embeds", List.of());
        message.put("components", List.of());
        message.put("pinned", false);
        message.put("flags", 0);
        return message;
    }
}
