package dev.mnemo.memory.store;

import dev.mnemo.testing.SqliteApp;

@SqliteApp
class MemoryChangesOnSqliteTest extends MemoryChangesContract {
}
