package dev.mnemo.memory.store;

import dev.mnemo.testing.SqliteApp;

@SqliteApp
class MemoryStoreOnSqliteTest extends MemoryStoreContract {
}
