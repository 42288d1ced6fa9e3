package dev.mnemo.mcp;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code ASSISTANT_MCP_ENABLED}: whether {@code /mcp} is served (off unless turned on). */
@ConfigurationProperties("assistant.mcp")
record McpProperties(boolean enabled) {
}
