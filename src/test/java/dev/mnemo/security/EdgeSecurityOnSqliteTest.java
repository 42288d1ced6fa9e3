package dev.mnemo.security;

import dev.mnemo.testing.SqliteApp;

@SqliteApp
class EdgeSecurityOnSqliteTest extends EdgeSecurityContract {
}
