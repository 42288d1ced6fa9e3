package dev.mnemo.memory.store;

import dev.mnemo.testing.PostgresApp;

@PostgresApp
class MemoryStoreOnPostgresTest extends MemoryStoreContract {
}
