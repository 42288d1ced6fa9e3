package dev.mnemo.user;

import dev.mnemo.testing.PostgresApp;

@PostgresApp
class UserSettingsOnPostgresTest extends UserSettingsContract {
}
