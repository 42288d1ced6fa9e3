package dev.mnemo.user;

import dev.mnemo.testing.SqliteApp;

@SqliteApp
class UserSettingsOnSqliteTest extends UserSettingsContract {
}
