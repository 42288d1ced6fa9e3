package dev.mnemo.conversation;

import dev.mnemo.testing.SqliteApp;

@SqliteApp
class MessageLogOnSqliteTest extends MessageLogContract {
}
