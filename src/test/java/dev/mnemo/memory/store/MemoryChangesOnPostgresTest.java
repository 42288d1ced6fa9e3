package dev.mnemo.memory.store;

import dev.mnemo.testing.PostgresApp;

@PostgresApp
class MemoryChangesOnPostgresTest extends MemoryChangesContract {
}
