package dev.mnemo.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The MCP SDK's JSON, except that an exception is never written whole: the transport answers some refusals (an
 * Accept header without {@code text/event-stream}) by serialising the exception, stack trace included. Here it is
 * written as the JSON-RPC error it stands for: code and message, nothing else.
 */
final class TraceFreeJsonMapper implements McpJsonMapper {
    private final McpJsonMapper json;

    TraceFreeJsonMapper(McpJsonMapper json) {
        this.json = json;
    }

    @Override
    public <T> T readValue(String content, Class<T> type) throws IOException {
        return json.readValue(content, type);
    }

    @Override
    public <T> T readValue(byte[] content, Class<T> type) throws IOException {
        return json.readValue(content, type);
    }

    @Override
    public <T> T readValue(String content, TypeRef<T> type) throws IOException {
        return json.readValue(content, type);
    }

    @Override
    public <T> T readValue(byte[] content, TypeRef<T> type) throws IOException {
        return json.readValue(content, type);
    }

    @Override
    public <T> T convertValue(Object value, Class<T> type) {
        return json.convertValue(value, type);
    }

    @Override
    public <T> T convertValue(Object value, TypeRef<T> type) {
        return json.convertValue(value, type);
    }

    @Override
    public String writeValueAsString(Object value) throws IOException {
        return json.writeValueAsString(withoutTrace(value));
    }

    @Override
    public byte[] writeValueAsBytes(Object value) throws IOException {
        return json.writeValueAsBytes(withoutTrace(value));
    }

    private static Object withoutTrace(Object value) {
        if (!(value instanceof Throwable failure)) {
            return value;
        }
        int code = failure instanceof McpError error && error.getJsonRpcError() != null
                ? error.getJsonRpcError().code() : McpSchema.ErrorCodes.INTERNAL_ERROR;
        String message = failure instanceof McpError error && error.getJsonRpcError() != null
                ? error.getJsonRpcError().message() : "internal error";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jsonrpc", "2.0");
        body.put("id", null);
        body.put("error", Map.of("code", code, "message", message == null ? "error" : message));
        return body;
    }
}
