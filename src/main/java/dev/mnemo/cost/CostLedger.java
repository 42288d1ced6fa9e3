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

    /**
     * Records what a channel's provider bills for one message, once per message id and direction: the price it
     * reported, else the configured price per segment.
     */
    void recordCharge(ChannelCharge charge);

    /** The provider reported the price of a message recorded at the configured rate: it replaces the estimate. */
    void chargeReported(String channel, String externalId, ChannelCharge.Direction direction, BigDecimal usd);

    /** What the user spent this calendar month (UTC), in USD: priced model calls and messaging. */
    BigDecimal spentThisMonth(String userId);

    /** The monthly budget per user, in USD. */
    BigDecimal monthlyBudget();

    /** True once this month's spending reached the budget: then everything goes to the cheap model. */
    default boolean overBudget(String userId) {
        return spentThisMonth(userId).compareTo(monthlyBudget()) >= 0;
    }

    /**
     * Whether work the person did not just ask for — check-ins, memory extraction and consolidation, late answers —
     * may still spend this month. At 100 % of the budget it may not: the work stops or falls back to its offline
     * path, counted in {@code mnemo.budget.skipped} and logged once per person, kind of work and month. Replies to
     * what the person sends now go on, on the cheap model.
     */
    boolean mayRunInBackground(String userId, String work);

    /** Totals for one user and month, by model and by purpose. */
    CostReport report(String userId, YearMonth month);

    /** What one UTC day of a month cost, models and messaging; {@code calls} counts model calls; days without spending are left out. */
    record DailySpend(LocalDate day, long calls, BigDecimal costUsd, long unpricedCalls) {
    }

    /** The month's spending day by day (UTC), oldest first. */
    List<DailySpend> daily(String userId, YearMonth month);
}
