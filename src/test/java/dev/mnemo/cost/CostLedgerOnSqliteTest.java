package dev.mnemo.cost;

import dev.mnemo.testing.SqliteApp;

@SqliteApp
class CostLedgerOnSqliteTest extends CostLedgerContract {
}
