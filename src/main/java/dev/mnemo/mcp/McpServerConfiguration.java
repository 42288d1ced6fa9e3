package dev.mnemo.mcp;

import dev.mnemo.memory.MemoryRecall;
import dev.mnemo.security.Caller;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP server at {@code /mcp}, when {@code ASSISTANT_MCP_ENABLED=true}: the SDK's stateless Streamable HTTP
 * transport (plain JSON answers, no sessions to keep: each call carries its bearer token), registered as a servlet
 * behind Spring Security's API chain, so a call without a live token never reaches it (401). The caller proven
 * there is handed to the tools through the transport context, read on the request's own thread.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "assistant.mcp.enabled", havingValue = "true")
class McpServerConfiguration {
    static final String ENDPOINT = "/mcp";
    static final String RECENT = "mnemo://memories/recent";

    /** The MCP wire format's own mapper: none of the API's JSON settings apply to it. */
    @Bean
    McpJsonMapper mcpJsonMapper() {
        return new JacksonMcpJsonMapper(JsonMapper.builder().build());
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
    ServletRegistrationBean<HttpServletStatelessServerTransport> mcpServlet(HttpServletStatelessServerTransport transport) {
        ServletRegistrationBean<HttpServletStatelessServerTransport> registration = new ServletRegistrationBean<>(transport, ENDPOINT);
        registration.setName("mcp");
        registration.setLoadOnStartup(1);
        return registration;
    }

    @Bean(destroyMethod = "close")
    McpStatelessSyncServer mcpServer(HttpServletStatelessServerTransport transport, McpJsonMapper json, ToolCalls calls,
                                     MemoryTools memories, ReminderTools reminders, MemoryRecall recall) {
        List<McpStatelessServerFeatures.SyncToolSpecification> tools = new ArrayList<>(memories.all(calls, json));
        tools.addAll(reminders.all(calls, json));
        return McpServer.sync(transport)
                .serverInfo("mnemo", "0.1.0")
                .instructions("Mnemo is the person's own long-term memory. Search it before answering about their life,"
                        + " remember what they tell you that is worth keeping, and correct a memory rather than adding a"
                        + " contradicting one.")
                .jsonMapper(json)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).resources(false, false).build())
                .tools(tools)
                .resources(recent(json, recall))
                .build();
    }

    /** {@code mnemo://memories/recent}: the person's 20 latest memories, as JSON. */
    private static McpStatelessServerFeatures.SyncResourceSpecification recent(McpJsonMapper json, MemoryRecall recall) {
        McpSchema.Resource resource = McpSchema.Resource.builder(RECENT, "Recent memories")
                .description("The person's 20 latest memories, newest first").mimeType("application/json").build();
        return new McpStatelessServerFeatures.SyncResourceSpecification(resource, (context, request) -> {
            String text;
            if (context.get(ToolCalls.CALLER) instanceof Caller caller && !caller.isAdmin()) {
                text = write(json, Map.of("memories", recall.list(caller.userId().orElseThrow(), 20).stream()
                        .map(m -> MemoryTools.MemoryView.of(m, false)).toList()));
            } else {
                text = "{\"error\": \"the admin token names no person here: use list_memories with userId\"}";
            }
            return new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(RECENT, "application/json", text)));
        });
    }

    private static String write(McpJsonMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException("could not write the recent memories", e);
        }
    }

    /** The caller Spring Security proved on this request's thread; the tools run on another. */
    private static McpTransportContext caller(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller
                ? McpTransportContext.create(Map.of(ToolCalls.CALLER, caller)) : McpTransportContext.EMPTY;
    }
}
