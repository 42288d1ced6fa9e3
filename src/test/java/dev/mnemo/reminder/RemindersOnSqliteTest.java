package dev.mnemo.reminder;

import dev.mnemo.testing.SqliteApp;

@SqliteApp
class RemindersOnSqliteTest extends RemindersContract {
}
