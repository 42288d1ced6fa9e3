package dev.mnemo.cost;

import dev.mnemo.testing.PostgresApp;

@PostgresApp
class CostLedgerOnPostgresTest extends CostLedgerContract {
}
