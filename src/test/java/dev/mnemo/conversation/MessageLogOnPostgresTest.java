package dev.mnemo.conversation;

import dev.mnemo.testing.PostgresApp;

@PostgresApp
class MessageLogOnPostgresTest extends MessageLogContract {
}
