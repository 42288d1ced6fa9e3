package dev.mnemo.cost;

import dev.mnemo.system.Ids;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class JdbcCostLedger implements CostLedger {
    private static final Logger log = LoggerFactory.getLogger(JdbcCostLedger.class);

    private final JdbcClient jdbc;
    private final PriceTable prices;
    private final MeterRegistry meters;
    private final BudgetAlerts alerts;
    private final Clock clock;
    private final BigDecimal budget;
    private final long segmentNanos;
    private final Set<String> backgroundStopsLogged = ConcurrentHashMap.newKeySet();

    JdbcCostLedger(JdbcClient jdbc, PriceTable prices, BudgetAlerts alerts, Clock clock, CostProperties properties,
                   MeterRegistry meters) {
        this.meters = meters;
        this.jdbc = jdbc;
        this.prices = prices;
        this.alerts = alerts;
        this.clock = clock;
        this.budget = properties.monthlyBudgetUsd();
        this.segmentNanos = PriceTable.nanos(properties.smsSegmentUsd());
    }

    @Override
    public void recordCharge(ChannelCharge charge) {
        boolean reported = charge.reportedUsd() != null;
        long cost = reported ? PriceTable.nanos(charge.reportedUsd().abs()) : segmentNanos * charge.segments();
        int added = jdbc.sql("""
                INSERT INTO channel_charges (id, user_id, channel, direction, external_id, segments, cost_nanos,
                    price_source, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(Ids.newId(clock), charge.userId(), charge.channel(), charge.direction().name(), charge.externalId(),
                        charge.segments(), cost, (reported ? PriceSource.REPORTED : PriceSource.CONFIGURED).name(), clock.millis())
                .update();
        if (added == 1) {
            meters.counter("mnemo.channel.cost.usd", "channel", charge.channel(), "direction",
                    charge.direction().name().toLowerCase(Locale.ROOT)).increment(cost / 1e9);
            if (cost > 0) {
                checkBudget(charge.userId());
            }
        }
    }

    @Override
    public void chargeReported(String channel, String externalId, ChannelCharge.Direction direction, BigDecimal usd) {
        int updated = jdbc.sql("""
                UPDATE channel_charges SET cost_nanos = ?, price_source = ?
                WHERE channel = ? AND external_id = ? AND direction = ? AND price_source = ?""")
                .params(PriceTable.nanos(usd.abs()), PriceSource.REPORTED.name(), channel, externalId, direction.name(), PriceSource.CONFIGURED.name())
                .update();
        if (updated == 1) {
            jdbc.sql("SELECT user_id FROM channel_charges WHERE channel = ? AND external_id = ? AND direction = ?")
                    .params(channel, externalId, direction.name()).query(String.class).optional()
                    .ifPresent(this::checkBudget);
        }
    }

    @Override
    public Optional<BigDecimal> record(ModelCall call) {
        Optional<Long> nanos = prices.costNanos(call.model(), call.usage());
        if (nanos.isEmpty()) {
            log.warn("Model '{}' has no price in the price table: its cost is recorded as unknown. "
                    + "Add it to ASSISTANT_PRICES (model=input/output USD per million tokens).", call.model());
        }
        TokenUsage usage = call.usage();
        jdbc.sql("""
                INSERT INTO model_calls (id, user_id, message_id, purpose, provider, model, input_tokens, output_tokens,
                    cache_read_tokens, cache_write_tokens, cost_nanos, latency_ms, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Ids.newId(clock), call.userId(), call.messageId(), call.purpose(), call.provider(), call.model(),
                        usage.input(), usage.output(), usage.cacheRead(), usage.cacheWrite(), nanos.orElse(null),
                        call.latency().toMillis(), clock.millis())
                .update();
        count(call, "input", usage.input());
        count(call, "output", usage.output());
        count(call, "cache_read", usage.cacheRead());
        count(call, "cache_write", usage.cacheWrite());
        nanos.ifPresent(n -> meters.counter("mnemo.model.cost.usd", "model", call.model(), "purpose", call.purpose())
                .increment(n / 1e9));
        if (nanos.isPresent() && nanos.get() > 0) {
            checkBudget(call.userId());
        }
        return nanos.map(PriceTable::usd);
    }

    /** Raises the budget alerts the user's spending has just reached (models and messaging together). */
    private void checkBudget(String userId) {
        alerts.check(userId, currentMonth(), spentThisMonth(userId), budget);
    }

    private void count(ModelCall call, String type, long tokens) {
        if (tokens > 0) {
            meters.counter("mnemo.model.tokens", "model", call.model(), "type", type).increment(tokens);
        }
    }

    @Override
    public BigDecimal spentThisMonth(String userId) {
        YearMonth month = currentMonth();
        Long nanos = jdbc.sql("""
                        SELECT (SELECT COALESCE(SUM(cost_nanos), 0) FROM model_calls WHERE user_id = ? AND created_at >= ? AND created_at < ?)
                             + (SELECT COALESCE(SUM(cost_nanos), 0) FROM channel_charges WHERE user_id = ? AND created_at >= ? AND created_at < ?)""")
                .params(userId, start(month), start(month.plusMonths(1)), userId, start(month), start(month.plusMonths(1)))
                .query(Long.class)
                .single();
        return PriceTable.usd(nanos);
    }

    @Override
    public boolean mayRunInBackground(String userId, String work) {
        if (!overBudget(userId)) {
            return true;
        }
        meters.counter("mnemo.budget.skipped", "purpose", work).increment();
        if (backgroundStopsLogged.add(userId + "|" + work + "|" + currentMonth())) {
            log.warn("User {} has spent the monthly budget: {} stops or runs offline until next month", userId, work);
        }
        return false;
    }

    @Override
    public BigDecimal monthlyBudget() {
        return budget;
    }

    @Override
    public CostReport report(String userId, YearMonth month) {
        List<CostReport.Line> byModel = lines("model", userId, month);
        List<CostReport.Line> byRoute = lines("purpose", userId, month);
        long calls = byModel.stream().mapToLong(CostReport.Line::calls).sum();
        long unpriced = byModel.stream().mapToLong(CostReport.Line::unpricedCalls).sum();
        BigDecimal models = byModel.stream().map(CostReport.Line::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal savings = byModel.stream().map(CostReport.Line::cacheSavingsUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<CostReport.ChannelLine> byChannel = channelLines(userId, month);
        BigDecimal messaging = byChannel.stream().map(CostReport.ChannelLine::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new CostReport(userId, month.toString(), models.add(messaging), savings, budget, calls, unpriced, byModel,
                byRoute, models, messaging, byChannel);
    }

    private List<CostReport.ChannelLine> channelLines(String userId, YearMonth month) {
        return jdbc.sql("""
                        SELECT channel, direction, COUNT(*) AS messages, SUM(segments) AS segments, SUM(cost_nanos) AS nanos,
                               SUM(CASE WHEN price_source = ? THEN 1 ELSE 0 END) AS estimated
                        FROM channel_charges WHERE user_id = ? AND created_at >= ? AND created_at < ?
                        GROUP BY channel, direction ORDER BY channel, direction""")
                .params(PriceSource.CONFIGURED.name(), userId, start(month), start(month.plusMonths(1)))
                .query((rs, n) -> new CostReport.ChannelLine(rs.getString("channel"),
                        ChannelCharge.Direction.valueOf(rs.getString("direction")), rs.getLong("messages"),
                        rs.getLong("segments"), PriceTable.usd(rs.getLong("nanos")), rs.getLong("estimated")))
                .list();
    }

    @Override
    public List<DailySpend> daily(String userId, YearMonth month) {
        long start = start(month);
        return jdbc.sql("""
                        SELECT d, SUM(calls) AS calls, SUM(nanos) AS nanos, SUM(unpriced) AS unpriced FROM (
                            SELECT (created_at - ?) / 86400000 AS d, 1 AS calls, COALESCE(cost_nanos, 0) AS nanos,
                                   CASE WHEN cost_nanos IS NULL THEN 1 ELSE 0 END AS unpriced
                            FROM model_calls WHERE user_id = ? AND created_at >= ? AND created_at < ?
                            UNION ALL
                            SELECT (created_at - ?) / 86400000 AS d, 0 AS calls, cost_nanos AS nanos, 0 AS unpriced
                            FROM channel_charges WHERE user_id = ? AND created_at >= ? AND created_at < ?) spend
                        GROUP BY d ORDER BY d""")
                .params(start, userId, start, start(month.plusMonths(1)), start, userId, start, start(month.plusMonths(1)))
                .query((rs, n) -> new DailySpend(month.atDay(1).plusDays(rs.getLong("d")), rs.getLong("calls"),
                        PriceTable.usd(rs.getLong("nanos")), rs.getLong("unpriced")))
                .list();
    }

    private List<CostReport.Line> lines(String column, String userId, YearMonth month) {
        // column is one of two constants above, never user input. Savings depend on the model's prices, so the
        // rows are per model first and summed per key here.
        Map<String, CostReport.Line> byKey = new HashMap<>();
        jdbc.sql("""
                SELECT %s AS k, model, COUNT(*) AS calls, SUM(input_tokens) AS i, SUM(output_tokens) AS o,
                       SUM(cache_read_tokens) AS cr, SUM(cache_write_tokens) AS cw,
                       COALESCE(SUM(cost_nanos), 0) AS nanos,
                       SUM(CASE WHEN cost_nanos IS NULL THEN 1 ELSE 0 END) AS unpriced
                FROM model_calls WHERE user_id = ? AND created_at >= ? AND created_at < ?
                GROUP BY %s, model""".formatted(column, column))
                .params(userId, start(month), start(month.plusMonths(1)))
                .query((rs, n) -> new CostReport.Line(rs.getString("k"), rs.getLong("calls"), rs.getLong("i"),
                        rs.getLong("o"), rs.getLong("cr"), rs.getLong("cw"), PriceTable.usd(rs.getLong("nanos")),
                        PriceTable.usd(prices.cacheSavingsNanos(rs.getString("model"), rs.getLong("cr"), rs.getLong("cw"))),
                        rs.getLong("unpriced")))
                .list()
                .forEach(line -> byKey.merge(line.key(), line, JdbcCostLedger::sum));
        List<CostReport.Line> lines = new ArrayList<>(byKey.values());
        lines.sort(Comparator.comparing(CostReport.Line::costUsd).reversed().thenComparing(CostReport.Line::key));
        return lines;
    }

    private static CostReport.Line sum(CostReport.Line a, CostReport.Line b) {
        return new CostReport.Line(a.key(), a.calls() + b.calls(), a.inputTokens() + b.inputTokens(),
                a.outputTokens() + b.outputTokens(), a.cacheReadTokens() + b.cacheReadTokens(),
                a.cacheWriteTokens() + b.cacheWriteTokens(), a.costUsd().add(b.costUsd()),
                a.cacheSavingsUsd().add(b.cacheSavingsUsd()), a.unpricedCalls() + b.unpricedCalls());
    }

    private YearMonth currentMonth() {
        return YearMonth.now(clock.withZone(ZoneOffset.UTC));
    }

    private static long start(YearMonth month) {
        return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}
