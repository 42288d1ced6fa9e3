package dev.mnemo.memory;

import dev.mnemo.testing.PostgresApp;

@PostgresApp
class MemoryJobsOnPostgresTest extends MemoryJobsContract {
}
