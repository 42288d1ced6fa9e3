/**
 * Mnemo's memory for the person's other AI tools: an MCP server (the MCP Java SDK, stateless Streamable HTTP) at
 * {@code /mcp}, off until {@code ASSISTANT_MCP_ENABLED=true}, behind the API's bearer tokens — a person's token acts
 * on that person's data only, the admin token must name the user. Its tools go through the same ports as the chat
 * and the web app. It has no API of its own: nothing else uses it.
 */
package dev.mnemo.mcp;
