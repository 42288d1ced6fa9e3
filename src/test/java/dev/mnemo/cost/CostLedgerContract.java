package dev.mnemo.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.testing.MutableClock;
import dev.mnemo.testing.TestClockConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The cost ledger behaves the same on every database adapter. Default budget: $2.00 a month. */
@ExtendWith(OutputCaptureExtension.class)
abstract class CostLedgerContract {
    @Autowired
    CostLedger ledger;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    MeterRegistry meters;

    String user;

    @BeforeEach
    void newUser() {
        user = "cost-" + UUID.randomUUID();
    }

    @AfterEach
    void resetClock() {
        clock.set(TestClockConfiguration.START);
    }

    @Test
    void pricesEachKindOfTokenFromThePriceTable() {
        // haiku: $1 in, $5 out, cache read 0.1x = $0.10, cache write 1.25x = $1.25 per million tokens
        BigDecimal cost = ledger.record(call("SIMPLE", "claude-haiku-4-5", new TokenUsage(1000, 200, 5000, 400))).orElseThrow();

        assertThat(cost).isEqualByComparingTo("0.003"); // 0.001 + 0.001 + 0.0005 + 0.0005
        assertThat(ledger.spentThisMonth(user)).isEqualByComparingTo("0.003");
    }

    @Test
    void aModelWithoutAPriceIsRecordedAsUnknownNeverAsFree(CapturedOutput output) {
        assertThat(ledger.record(call("COMPLEX", "mystery-model-9", new TokenUsage(10, 10, 0, 0)))).isEmpty();

        CostReport report = ledger.report(user, YearMonth.of(2026, 11));
        assertThat(report.calls()).isEqualTo(1);
        assertThat(report.unpricedCalls()).isEqualTo(1);
        assertThat(report.byModel()).singleElement().satisfies(line -> {
            assertThat(line.key()).isEqualTo("mystery-model-9");
            assertThat(line.unpricedCalls()).isEqualTo(1);
        });
        assertThat(jdbc.sql("SELECT cost_nanos FROM model_calls WHERE user_id = ?").param(user).query().singleRow()
                .get("cost_nanos")).isNull();
        assertThat(output.getAll()).contains("Model 'mystery-model-9' has no price");
    }

    @Test
    void reportGroupsByModelAndRouteWithinTheCalendarMonth() {
        clock.set(Instant.parse("2026-10-31T23:59:59Z"));
        ledger.record(call("SIMPLE", "claude-haiku-4-5", new TokenUsage(1_000_000, 0, 0, 0))); // $1, October
        clock.set(Instant.parse("2026-11-01T00:00:00Z"));
        ledger.record(call("SIMPLE", "claude-haiku-4-5", new TokenUsage(0, 100_000, 0, 0)));   // $0.50
        ledger.record(call("COMPLEX", "claude-sonnet-4-5", new TokenUsage(0, 10_000, 0, 0)));  // $0.15
        ledger.record(call("SIMPLE", "claude-sonnet-4-5", new TokenUsage(10_000, 0, 0, 0)));   // $0.03

        CostReport november = ledger.report(user, YearMonth.of(2026, 11));
        assertThat(november.totalUsd()).isEqualByComparingTo("0.68");
        assertThat(november.calls()).isEqualTo(3);
        assertThat(november.byModel()).extracting(CostReport.Line::key, CostReport.Line::calls, l -> l.costUsd().doubleValue())
                .containsExactly(Tuple.tuple("claude-haiku-4-5", 1L, 0.5),
                        Tuple.tuple("claude-sonnet-4-5", 2L, 0.18));
        assertThat(november.byRoute()).extracting(CostReport.Line::key, l -> l.costUsd().doubleValue())
                .containsExactly(Tuple.tuple("SIMPLE", 0.53),
                        Tuple.tuple("COMPLEX", 0.15));
        assertThat(ledger.report(user, YearMonth.of(2026, 10)).totalUsd()).isEqualByComparingTo("1");
        assertThat(ledger.spentThisMonth(user)).isEqualByComparingTo("0.68");
        assertThat(ledger.report("nobody-" + user, YearMonth.of(2026, 11)).calls()).isZero();
    }

    @Test
    void budgetAlertsFireOnceEachAt50And80And100Percent(CapturedOutput output) {
        double before100 = meters.counter("mnemo.budget.alerts", "threshold", "100").count();
        ledger.record(call("SIMPLE", "claude-haiku-4-5", new TokenUsage(0, 190_000, 0, 0))); // $0.95: 47%
        assertThat(alerts()).isZero();
        ledger.record(call("SIMPLE", "claude-haiku-4-5", new TokenUsage(0, 10_000, 0, 0)));  // $1.00: 50%
        assertThat(alerts()).isEqualTo(1);
        ledger.record(call("SIMPLE", "claude-haiku-4-5", new TokenUsage(0, 250_000, 0, 0))); // $2.25: 112%
        assertThat(alerts()).isEqualTo(3);
        assertThat(ledger.overBudget(user)).isTrue();
        ledger.record(call("SIMPLE", "claude-haiku-4-5", new TokenUsage(0, 10_000, 0, 0)));
        assertThat(alerts()).isEqualTo(3);
        assertThat(meters.counter("mnemo.budget.alerts", "threshold", "100").count()).isEqualTo(before100 + 1);
        assertThat(output.getAll()).contains("user " + user + " has spent 100% of the monthly budget");

        clock.advance(Duration.ofDays(30)); // December: a new month, a fresh budget
        assertThat(ledger.overBudget(user)).isFalse();
    }

    private long alerts() {
        return jdbc.sql("SELECT COUNT(*) FROM budget_alerts WHERE user_id = ?").param(user).query(Long.class).single();
    }

    @Test
    void reportsWhatPromptCachingSavedPerRouteAcrossModels() {
        // haiku reads save $0.90/M and writes cost $0.25/M extra; sonnet: $2.70/M and $0.75/M.
        ledger.record(call("COMPLEX", "claude-haiku-4-5", new TokenUsage(100, 10, 10_000, 0)));
        ledger.record(call("COMPLEX", "claude-sonnet-4-5", new TokenUsage(100, 10, 10_000, 4_000)));
        ledger.record(call("SIMPLE", "claude-haiku-4-5", new TokenUsage(100, 10, 0, 2_000)));
        ledger.record(call("SIMPLE", "no-price-model", new TokenUsage(100, 10, 50_000, 0)));

        CostReport report = ledger.report(user, YearMonth.of(2026, 11));

        assertThat(report.cacheSavingsUsd()).isEqualByComparingTo("0.0325"); // 0.009 + 0.027 - 0.003 - 0.0005
        assertThat(report.byRoute()).filteredOn(line -> line.key().equals("COMPLEX")).singleElement()
                .satisfies(line -> {
                    assertThat(line.calls()).isEqualTo(2);
                    assertThat(line.cacheReadTokens()).isEqualTo(20_000);
                    assertThat(line.cacheSavingsUsd()).isEqualByComparingTo("0.033");
                });
        assertThat(report.byRoute()).filteredOn(line -> line.key().equals("SIMPLE")).singleElement()
                .satisfies(line -> assertThat(line.cacheSavingsUsd()).isEqualByComparingTo("-0.0005"));
    }

    private ModelCall call(String purpose, String model, TokenUsage usage) {
        return new ModelCall(user, null, purpose, "anthropic", model, usage, Duration.ofMillis(5));
    }
}
