package dev.mnemo.reminder;

import dev.mnemo.testing.PostgresApp;

@PostgresApp
class RemindersOnPostgresTest extends RemindersContract {
}
