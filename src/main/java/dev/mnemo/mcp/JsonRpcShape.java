package dev.mnemo.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks a request's JSON-RPC shape before the SDK sees it: the SDK answers a body that is not JSON, or a tool call
 * whose {@code params} or {@code arguments} are not objects, with a 500 and logs the body. Here such a request gets
 * the JSON-RPC error it deserves (parse error, invalid params), and nothing of it is logged.
 */
final class JsonRpcShape extends OncePerRequestFilter {
    private final McpJsonMapper json;

    JsonRpcShape(McpJsonMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readAllBytes();
        Object message;
        try {
            message = json.readValue(body, Object.class);
        } catch (IOException | RuntimeException e) {
            refuse(response, 400, null, McpSchema.ErrorCodes.PARSE_ERROR, "the body is not JSON");
            return;
        }
        if (!(message instanceof Map<?, ?> map) || !"2.0".equals(map.get("jsonrpc")) || !(map.get("method") instanceof String)
                || !sdkReads(body)) {
            // Responses too: this server asks clients nothing, so none is expected.
            refuse(response, 400, null, McpSchema.ErrorCodes.INVALID_REQUEST,
                    "a JSON-RPC 2.0 request or notification is an object with \"jsonrpc\": \"2.0\" and a method");
            return;
        }
        String problem = problem(map);
        if (problem != null) {
            refuse(response, 200, map.get("id"), McpSchema.ErrorCodes.INVALID_PARAMS, problem);
            return;
        }
        chain.doFilter(new Replayed(request, body), response);
    }

    /** Whether the SDK can read the message at all: what it cannot, it answers with a 500. */
    private boolean sdkReads(byte[] body) {
        try {
            McpSchema.deserializeJsonRpcMessage(json, new String(body, StandardCharsets.UTF_8));
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** What is wrong with a call's params, or null; read as the SDK will read them, outside its own error handling. */
    private String problem(Map<?, ?> message) {
        Object method = message.get("method");
        Object params = message.get("params");
        if (params != null && !(params instanceof Map)) {
            return "params are an object";
        }
        if ("tools/call".equals(method)) {
            if (!(params instanceof Map<?, ?> call) || !(call.get("name") instanceof String)) {
                return "tools/call needs params with the tool's name";
            }
            Object arguments = call.get("arguments");
            if (arguments != null && !(arguments instanceof Map)) {
                return "a tool's arguments are an object";
            }
            return readsAs(params, McpSchema.CallToolRequest.class) ? null : "tools/call's params are malformed";
        }
        if ("resources/read".equals(method)) {
            if (!(params instanceof Map<?, ?> read && read.get("uri") instanceof String)) {
                return "resources/read needs params with the resource's uri";
            }
            return readsAs(params, McpSchema.ReadResourceRequest.class) ? null : "resources/read's params are malformed";
        }
        return null;
    }

    private boolean readsAs(Object params, Class<?> type) {
        try {
            json.convertValue(params, type);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void refuse(HttpServletResponse response, int status, Object id, int code, String message) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("jsonrpc", "2.0");
        error.put("id", id instanceof String || id instanceof Number ? id : null);
        error.put("error", Map.of("code", code, "message", message));
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(json.writeValueAsBytes(error));
    }

    /** The request with its body read once here and again by the SDK. */
    private static final class Replayed extends HttpServletRequestWrapper {
        private final byte[] body;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("read synchronously");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        }
    }
}
