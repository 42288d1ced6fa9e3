package dev.mnemo.cost;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Records what every model call cost, and answers what a user has spent.
 * Prices come from configuration; a model missing there is recorded with an unknown cost, never as free.
 */
public interface CostLedger {

    /** Records the call; returns its price in USD, empty when the model has no price. */
    Optional<BigDecimal> record(ModelCall call);

    /** What the user spent this calendar month (UTC), in USD, counting priced calls only. */
    BigDecimal spentThisMonth(String userId);

    /** The monthly budget per user, in USD. */
    BigDecimal monthlyBudget();

    /** True once this month's spending reached the budget: then everything goes to the cheap model. */
    default boolean overBudget(String userId) {
        return spentThisMonth(userId).compareTo(monthlyBudget()) >= 0;
    }

    /** Totals for one user and month, by model and by purpose. */
    CostReport report(String userId, YearMonth month);

    /** What one UTC day of a month cost; days without calls are left out. */
    record DailySpend(LocalDate day, long calls, BigDecimal costUsd, long unpricedCalls) {
    }

    /** The month's spending day by day (UTC), oldest first. */
    List<DailySpend> daily(String userId, YearMonth month);
}
