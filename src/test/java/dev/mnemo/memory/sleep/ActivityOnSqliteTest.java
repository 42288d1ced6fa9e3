package dev.mnemo.memory.sleep;

import dev.mnemo.testing.SqliteApp;

@SqliteApp
class ActivityOnSqliteTest extends ActivityContract {
}
