package dev.mnemo.mcp;

import dev.mnemo.testing.SqliteApp;

/** {@link McpServerContract} on SQLite. */
@SqliteApp
class SqliteMcpServerTest extends McpServerContract {
}
