package dev.mnemo.memory;

import dev.mnemo.testing.SqliteApp;

@SqliteApp
class MemoryJobsOnSqliteTest extends MemoryJobsContract {
}
