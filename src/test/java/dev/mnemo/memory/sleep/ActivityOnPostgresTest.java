package dev.mnemo.memory.sleep;

import dev.mnemo.testing.PostgresApp;

@PostgresApp
class ActivityOnPostgresTest extends ActivityContract {
}
