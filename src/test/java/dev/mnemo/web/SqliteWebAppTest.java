package dev.mnemo.web;

import dev.mnemo.testing.FakeAnthropicApp;

/** {@link WebAppContract} on the embedded SQLite database. */
@FakeAnthropicApp
class SqliteWebAppTest extends WebAppContract {
    @Override
    String database() {
        return "sqlite";
    }
}
