package dev.mnemo.mcp;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param enabled serve MCP at {@code /mcp} ({@code ASSISTANT_MCP_ENABLED}); off, {@code /mcp} is a 404 */
@ConfigurationProperties("assistant.mcp")
record McpProperties(boolean enabled) {
}
