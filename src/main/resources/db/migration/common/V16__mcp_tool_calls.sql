-- Every MCP tool call: who (the person, and which token), which tool, when, and whether it worked; never its arguments.
CREATE TABLE mcp_tool_calls (
    id        VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_id   VARCHAR(128),
    token_id  VARCHAR(36),
    tool      VARCHAR(64)  NOT NULL,
    outcome   VARCHAR(16)  NOT NULL,
    called_at BIGINT       NOT NULL
);
CREATE INDEX mcp_tool_calls_user ON mcp_tool_calls (user_id, called_at);
