package dev.mnemo.mcp;

import dev.mnemo.security.Caller;
import dev.mnemo.system.Ids;
import io.micrometer.core.instrument.MeterRegistry;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Clock;
import java.util.Map;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes each tool: finds whose data the call is for (a person's token: theirs; the admin token: the {@code userId}
 * it names), runs it, answers with its result as JSON (text and structured content) or an error result saying what
 * was wrong, and records the call — who, which tool, when, how it went; never its arguments, in the table or the log.
 */
@Component
class ToolCalls {
    static final String CALLER = "mnemo.caller";
    private static final Logger log = LoggerFactory.getLogger(ToolCalls.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MeterRegistry meters;

    ToolCalls(JdbcClient jdbc, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.meters = meters;
    }

    /** How a call ended. */
    enum Outcome { OK, REFUSED, FAILED }

    /** What a tool does for the person it acts for; its result is serialised as a JSON object. */
    interface Body extends BiFunction<String, ToolArguments, Object> {
    }

    McpStatelessServerFeatures.SyncToolSpecification tool(McpJsonMapper mapper, String name, String description,
                                                         String schema, Body body) {
        McpSchema.Tool tool = McpSchema.Tool.builder(name, mapper, schema).description(description).build();
        return new McpStatelessServerFeatures.SyncToolSpecification(tool, (context, request) -> call(name, context,
                new ToolArguments(request.arguments()), body));
    }

    private McpSchema.CallToolResult call(String name, McpTransportContext context, ToolArguments arguments, Body body) {
        Caller caller = context.get(CALLER) instanceof Caller c ? c : null;
        String user = null;
        try {
            if (caller == null) {
                return refused(name, null, null, "not signed in: send a person's API token as a bearer token");
            }
            user = caller.user(arguments.optionalText("userId", 128));
            Object result = body.apply(user, arguments);
            record(name, user, caller, Outcome.OK);
            @SuppressWarnings("unchecked")
            Map<String, Object> structured = JSON.convertValue(result, Map.class);
            return McpSchema.CallToolResult.builder().addTextContent(JSON.writeValueAsString(result))
                    .structuredContent(structured).build();
        } catch (ToolArguments.Invalid | IllegalArgumentException e) {
            return refused(name, user, caller, e.getMessage());
        } catch (ResponseStatusException e) {
            return refused(name, user, caller, e.getReason());
        } catch (RuntimeException e) {
            record(name, user, caller, Outcome.FAILED);
            log.error("MCP tool {} failed for user {}", name, user, e);
            return McpSchema.CallToolResult.builder().addTextContent("internal error: the tool failed; try again")
                    .isError(true).build();
        }
    }

    private McpSchema.CallToolResult refused(String name, String user, Caller caller, String why) {
        record(name, user, caller, Outcome.REFUSED);
        return McpSchema.CallToolResult.builder().addTextContent(why == null ? "refused" : why).isError(true).build();
    }

    private void record(String tool, String user, Caller caller, Outcome outcome) {
        jdbc.sql("INSERT INTO mcp_tool_calls (id, user_id, token_id, tool, outcome, called_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(Ids.newId(clock), user, caller == null ? null : caller.tokenId().orElse(null), tool, outcome.name(),
                        clock.millis())
                .update();
        meters.counter("mnemo.mcp.tool.calls", "tool", tool, "outcome", outcome.name()).increment();
        log.info("MCP tool {} for user {}: {}", tool, user, outcome);
    }
}
