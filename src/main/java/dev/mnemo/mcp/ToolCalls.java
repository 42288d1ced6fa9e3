package dev.mnemo.mcp;

import dev.mnemo.security.Caller;
import dev.mnemo.system.Ids;
import io.micrometer.core.instrument.MeterRegistry;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.time.Clock;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.server.ResponseStatusException;

/**
 * Makes each tool: finds whose data the call is for (a person's token: theirs; the admin token: the {@code userId}
 * it names), runs it, answers with its result as JSON text or an error result saying what was wrong, and records
 * the call — who, with which token, which tool, when, how it went; never its arguments or its result, in the table
 * or the log.
 */
class ToolCalls {
    static final String CALLER = "mnemo.caller";
    /** The {@code userId} property every tool's schema has. */
    static final String USER_ID = """
            "userId": {"type": "string", "maxLength": 128, "description": "Only with the admin token: whose data. A person's token acts for its person."}""";
    private static final Logger log = LoggerFactory.getLogger(ToolCalls.class);

    private final McpJsonMapper json;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final MeterRegistry meters;

    ToolCalls(McpJsonMapper json, JdbcClient jdbc, Clock clock, MeterRegistry meters) {
        this.json = json;
        this.jdbc = jdbc;
        this.clock = clock;
        this.meters = meters;
    }

    /** How a call ended. */
    enum Outcome { OK, REFUSED, FAILED }

    /** What a tool does for the person it acts for; its result is written as a JSON object. */
    interface Body extends BiFunction<String, ToolArguments, Object> {
    }

    McpStatelessServerFeatures.SyncToolSpecification tool(String name, String description, String schema, Body body) {
        McpSchema.Tool tool = McpSchema.Tool.builder(name, json, schema).description(description).build();
        return new McpStatelessServerFeatures.SyncToolSpecification(tool, (context, request) -> call(name, context,
                new ToolArguments(request.arguments()), body));
    }

    /** The person a call acts for; refused (null) when the transport carried no caller. */
    static Caller caller(McpTransportContext context) {
        return context.get(CALLER) instanceof Caller caller ? caller : null;
    }

    private McpSchema.CallToolResult call(String name, McpTransportContext context, ToolArguments arguments, Body body) {
        Caller caller = caller(context);
        String user = null;
        Outcome outcome = Outcome.FAILED;
        try {
            if (caller == null) {
                outcome = Outcome.REFUSED;
                return error("not signed in: send a person's API token as a bearer token");
            }
            user = caller.user(arguments.optionalText("userId", Caller.MAX_USER_ID));
            String result = json.writeValueAsString(body.apply(user, arguments));
            outcome = Outcome.OK;
            return McpSchema.CallToolResult.builder().addTextContent(result).build();
        } catch (ToolArguments.Invalid | IllegalArgumentException e) {
            outcome = Outcome.REFUSED;
            return error(e.getMessage());
        } catch (ResponseStatusException e) {
            outcome = Outcome.REFUSED;
            return error(e.getReason());
        } catch (IOException | RuntimeException e) {
            log.error("MCP tool {} failed for user {}", name, user, e);
            return error("internal error: the tool failed; try again");
        } finally {
            record(name, user, caller, outcome);
        }
    }

    private static McpSchema.CallToolResult error(String why) {
        return McpSchema.CallToolResult.builder().addTextContent(why == null ? "refused" : why).isError(true).build();
    }

    /** Never fails the call it records: what the tool did has happened either way. */
    void record(String tool, String user, Caller caller, Outcome outcome) {
        try {
            jdbc.sql("INSERT INTO mcp_tool_calls (id, user_id, token_id, tool, outcome, called_at) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(Ids.newId(clock), user, caller == null ? null : caller.tokenId().orElse(caller.isAdmin() ? "admin" : null),
                            tool, outcome.name(), clock.millis())
                    .update();
        } catch (RuntimeException e) {
            log.warn("The MCP call to {} for user {} could not be recorded: {}", tool, user, e.getClass().getSimpleName());
        }
        meters.counter("mnemo.mcp.tool.calls", "tool", tool, "outcome", outcome.name()).increment();
        log.info("MCP tool {} for user {}: {}", tool, user, outcome);
    }
}
