package dev.mnemo.web;

import dev.mnemo.testing.FakeAnthropicPostgresApp;

/** {@link WebAppContract} on PostgreSQL. */
@FakeAnthropicPostgresApp
class PostgresWebAppTest extends WebAppContract {
    @Override
    String database() {
        return "postgresql";
    }
}
