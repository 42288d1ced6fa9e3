package dev.mnemo.security;

import dev.mnemo.testing.PostgresApp;

@PostgresApp
class EdgeSecurityOnPostgresTest extends EdgeSecurityContract {
}
