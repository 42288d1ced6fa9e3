package dev.mnemo.mcp;

import dev.mnemo.memory.MemoryBrowsing;
import dev.mnemo.memory.MemoryControl;
import dev.mnemo.memory.MemoryIntake;
import dev.mnemo.memory.MemoryRecall;
import dev.mnemo.reminder.Reminders;
import dev.mnemo.security.Caller;
import dev.mnemo.user.UserSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP server at {@code /mcp}, when {@code ASSISTANT_MCP_ENABLED=true} (otherwise neither its servlet nor its
 * filter is registered, and {@code /mcp} is a 404). Decided when the web server starts, not by a condition: the
 * build's ahead-of-time bean definitions fix conditions when they are made, and must serve either setting. The SDK's
 * stateless Streamable HTTP transport (plain JSON answers, no sessions to keep: each call carries its bearer
 * token), registered as a servlet behind Spring Security's API chain, so a call without a live token never reaches
 * it (401) and calls share the person's API rate limit. The caller proven there is handed to the tools through the
 * transport context, read on the request's own thread. Arguments are checked by the tools themselves (the SDK's
 * check is off), so that every refusal is one of their recorded answers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class McpServerConfiguration {
    static final String ENDPOINT = "/mcp";
    static final String RECENT = "mnemo://memories/recent";
    static final int RECENT_COUNT = 20;

    /** The MCP wire format's own mapper: none of the API's JSON settings apply to it, and no stack trace leaves. */
    @Bean
    McpJsonMapper mcpJsonMapper() {
        return new TraceFreeJsonMapper(new JacksonMcpJsonMapper(JsonMapper.builder().build()));
    }

    @Bean
    HttpServletStatelessServerTransport mcpTransport(McpJsonMapper json) {
        return HttpServletStatelessServerTransport.builder()
                .messageEndpoint(ENDPOINT)
                .jsonMapper(json)
                .contextExtractor(McpServerConfiguration::caller)
                .build();
    }

    @Bean
    ServletRegistrationBean<HttpServletStatelessServerTransport> mcpServlet(HttpServletStatelessServerTransport transport,
                                                                            McpProperties properties) {
        ServletRegistrationBean<HttpServletStatelessServerTransport> registration = new ServletRegistrationBean<>(transport, ENDPOINT);
        registration.setEnabled(properties.enabled());
        registration.setName("mcp");
        registration.setLoadOnStartup(1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<JsonRpcShape> mcpRequestShape(McpJsonMapper json, McpProperties properties) {
        FilterRegistrationBean<JsonRpcShape> registration = new FilterRegistrationBean<>(new JsonRpcShape(json));
        registration.setEnabled(properties.enabled());
        registration.addUrlPatterns(ENDPOINT);
        registration.setName("mcpRequestShape");
        return registration;
    }

    @Bean
    ToolCalls mcpToolCalls(McpJsonMapper json, JdbcClient jdbc, Clock clock, MeterRegistry meters) {
        return new ToolCalls(json, jdbc, clock, meters);
    }

    @Bean(destroyMethod = "close")
    McpStatelessSyncServer mcpServer(HttpServletStatelessServerTransport transport, McpJsonMapper json, ToolCalls calls,
                                     MemoryRecall recall, MemoryIntake intake, MemoryControl control, MemoryBrowsing browsing,
                                     UserSettings settings, Reminders reminders, Clock clock) {
        List<McpStatelessServerFeatures.SyncToolSpecification> tools = new ArrayList<>(
                new MemoryTools(recall, intake, control, browsing, settings, clock).all(calls));
        tools.addAll(new ReminderTools(reminders, settings).all(calls));
        return McpServer.sync(transport)
                .serverInfo("mnemo", "0.1.0")
                .instructions("Mnemo is the person's own long-term memory. Search it before answering about their life,"
                        + " remember what they tell you that is worth keeping, and correct a memory rather than adding a"
                        + " contradicting one.")
                .jsonMapper(json)
                .validateToolInputs(false)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).resources(false, false).build())
                .tools(tools)
                .resources(recent(json, calls, recall))
                .build();
    }

    /** {@code mnemo://memories/recent}: the person's latest memories, as JSON; the admin token has no person here. */
    private static McpStatelessServerFeatures.SyncResourceSpecification recent(McpJsonMapper json, ToolCalls calls,
                                                                               MemoryRecall recall) {
        McpSchema.Resource resource = McpSchema.Resource.builder(RECENT, "Recent memories")
                .description("The person's " + RECENT_COUNT + " latest memories, newest first").mimeType("application/json").build();
        return new McpStatelessServerFeatures.SyncResourceSpecification(resource, (context, request) -> {
            Caller caller = ToolCalls.caller(context);
            if (caller == null || caller.isAdmin()) {
                calls.record(RECENT, null, caller, ToolCalls.Outcome.REFUSED);
                throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
                        .message("the admin token names no person here: use list_memories with userId").build();
            }
            String user = caller.userId().orElseThrow();
            String text;
            try {
                text = json.writeValueAsString(Map.of("memories", recall.list(user, RECENT_COUNT).stream()
                        .map(m -> MemoryTools.MemoryView.of(m, false)).toList()));
            } catch (IOException e) {
                calls.record(RECENT, user, caller, ToolCalls.Outcome.FAILED);
                throw new IllegalStateException("could not write the recent memories", e);
            }
            calls.record(RECENT, user, caller, ToolCalls.Outcome.OK);
            return new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(RECENT, "application/json", text)));
        });
    }

    /** The caller Spring Security proved on this request's thread; the tools run on another. */
    private static McpTransportContext caller(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller
                ? McpTransportContext.create(Map.of(ToolCalls.CALLER, caller)) : McpTransportContext.EMPTY;
    }
}
