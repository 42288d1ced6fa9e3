package dev.mnemo.cost;

import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.YearMonth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Raises each budget alert (50, 80, 100 %) once per user and month, even with several instances: the
 * database's primary key decides who raises it.
 */
@Component
class BudgetAlerts {
    static final int[] THRESHOLDS = {50, 80, 100};
    private static final Logger log = LoggerFactory.getLogger(BudgetAlerts.class);

    private final JdbcClient jdbc;
    private final MeterRegistry meters;
    private final Clock clock;

    BudgetAlerts(JdbcClient jdbc, MeterRegistry meters, Clock clock) {
        this.jdbc = jdbc;
        this.meters = meters;
        this.clock = clock;
    }

    void check(String userId, YearMonth month, BigDecimal spent, BigDecimal budget) {
        int percent = spent.multiply(BigDecimal.valueOf(100)).divide(budget, 0, RoundingMode.FLOOR).intValue();
        for (int threshold : THRESHOLDS) {
            if (percent >= threshold && raise(userId, month, threshold)) {
                log.warn("Budget alert: user {} has spent {}% of the monthly budget (${} of ${}){}", userId,
                        threshold, spent.toPlainString(), budget.toPlainString(),
                        threshold >= 100 ? "; every reply now uses the cheap model, and background work stops or runs offline" : "");
                meters.counter("mnemo.budget.alerts", "threshold", Integer.toString(threshold)).increment();
            }
        }
    }

    private boolean raise(String userId, YearMonth month, int threshold) {
        return jdbc.sql("INSERT INTO budget_alerts (user_id, month, percent, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(userId, month.toString(), threshold, clock.millis())
                .update() == 1;
    }
}
