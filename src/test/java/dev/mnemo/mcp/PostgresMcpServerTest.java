package dev.mnemo.mcp;

import dev.mnemo.testing.PostgresApp;

/** {@link McpServerContract} on PostgreSQL. */
@PostgresApp
class PostgresMcpServerTest extends McpServerContract {
}
