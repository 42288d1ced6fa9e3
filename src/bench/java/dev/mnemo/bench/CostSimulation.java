package dev.mnemo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.cost.CostLedger;
import dev.mnemo.cost.CostReport;
import dev.mnemo.memory.sleep.SleepScheduler;
import dev.mnemo.proactive.CheckIns;
import dev.mnemo.memory.write.MemoryJobWorker;
import dev.mnemo.testing.Api;
import dev.mnemo.testing.MutableClock;
import dev.mnemo.testing.SimulationApp;
import dev.mnemo.testing.SqliteApp;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The cost simulator: replays realistic days — 50, 100 and 200 messages a day drawn from the labelled routing
 * set, in conversations spread over the waking day, complex answers followed up now and then — for a simulated month through the real pipeline (API,
 * router, agents with recalled memories and history, tool loop, ledger, memory extraction, judging,
 * reconciliation, idle and nightly consolidation) against {@link dev.mnemo.testing.SimulatedAnthropic}, and
 * prints the projected monthly cost per component with and without prompt caching.
 *
 * <p>Run: {@code ./mvnw -Pbench test -Dtest=CostSimulation} ({@code -Dsim.days=30 -Dsim.rates=50,100,200}).
 * Writes {@code target/bench/cost-simulation.md}.
 */
@Tag("benchmark")
@SimulationApp
class CostSimulation {
    /**
     * Share of each label among fresh messages. With {@link #FOLLOW_UP} the complex share settles at 15%: the
     * product brief's 80/15/5, with commands in the 80.
     */
    static final Map<String, Integer> MIX = Map.of("SIMPLE", 79, "COMMAND", 5, "COMPLEX", 11, "TOOL", 5);
    /** After a complex answer, how often the next message in the conversation follows up on it. */
    static final double FOLLOW_UP = 0.3;
    /** Short complex messages of the set are follow-ups ("make it shorter", "what about option 3?"). */
    static final int FOLLOW_UP_CHARS = 60;
    static final Map<String, String> COMPONENTS = new LinkedHashMap<>();

    static {
        COMPONENTS.put("ROUTER", "Router classification (cheap model, only when the rules are unsure)");
        COMPONENTS.put("SIMPLE", "Simple replies (cheap model)");
        COMPONENTS.put("COMPLEX", "Complex replies (smart model for writing, plans, code; cheap for the rest)");
        COMPONENTS.put("TOOL", "Tool use (cheap model + tools)");
        COMPONENTS.put("MEMORY", "Memory: extraction per burst, reconcile, summarise (cheap model)");
    }

    /**
     * Other model choices, priced on the same token counts (cheap, smart): see {@link #repriced}. The first is the
     * documented {@code frugal} preset (README, "What a month costs").
     */
    static final List<List<String>> ALTERNATIVES = List.of(
            List.of("gpt-4o-mini", "gpt-4.1-mini"),
            List.of("claude-haiku-4-5", "claude-haiku-4-5"),
            List.of("gpt-4o-mini", "claude-sonnet-4-5"),
            List.of("gpt-4o-mini", "gpt-4o-mini"));
    /** Twilio's US price per SMS segment, received or sent (application.yml's default). */
    static final BigDecimal SMS_SEGMENT_USD = new BigDecimal("0.0083");
    /** Segments an SMS exchange takes: the message (one) and a reply sized for two. */
    static final int SMS_SEGMENTS_PER_EXCHANGE = 3;
    static final int IDLE_DAYS = 21;

    @Autowired
    Environment environment;
    @Value("${assistant.models.cheap}")
    String cheapModel;
    @Value("${assistant.models.smart}")
    String smartModel;

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    MemoryJobWorker worker;
    @Autowired
    SleepScheduler sleep;
    @Autowired
    CostLedger ledger;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CheckIns checkIns;

    @Test
    void simulatedMonths() throws IOException {
        SimulationApp.CLOCK.set(clock);
        int days = Integer.getInteger("sim.days", 30);
        int[] rates = Arrays.stream(System.getProperty("sim.rates", "50,100,200").split(",")).mapToInt(Integer::parseInt).toArray();
        Map<String, List<String>> byLabel = new TreeMap<>();
        SimulationApp.LABELS.forEach((text, label) -> byLabel.computeIfAbsent(label, l -> new ArrayList<>()).add(text));
        byLabel.values().forEach(list -> list.sort(String::compareTo));

        StringBuilder out = new StringBuilder(("Simulated %d days per rate; monthly = 30 days. Cheap model %s, smart model %s; "
                + "prices from application.yml (claude-haiku-4-5 $1/$5, claude-sonnet-4-5 $3/$15 per million tokens in/out; "
                + "cache read 0.1x, cache write 1.25x input).%n").formatted(days, cheapModel, smartModel));
        Instant start = Instant.parse("2026-12-01T00:00:00Z");
        for (int rate : rates) {
            String user = "sim-" + rate;
            Map<String, Integer> routed = simulate(user, rate, days, start, byLabel);
            Instant end = clock.instant();
            out.append(table(user, rate, days, start, end, routed));
            if (rate == rates[0]) {
                out.append(idle(user, end));
            }
            start = end.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        System.out.println(out);
        Path file = Path.of("target", "bench", "cost-simulation.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out);
    }

    private Map<String, Integer> simulate(String user, int rate, int days, Instant start, Map<String, List<String>> byLabel) {
        Api api = new Api(port, SqliteApp.API_TOKEN);
        Random random = new Random(rate);
        Map<String, Integer> routed = new TreeMap<>();
        for (int day = 0; day < days; day++) {
            Instant midnight = start.plus(Duration.ofDays(day));
            int sessions = Math.max(2, Math.round(rate / 7f));
            int[] sizes = new int[sessions];
            for (int i = 0; i < rate; i++) {
                sizes[random.nextInt(sessions)]++;
            }
            List<Instant> starts = new ArrayList<>();
            for (int s = 0; s < sessions; s++) {
                starts.add(midnight.plusSeconds(LocalTime.of(7, 30).toSecondOfDay() + random.nextInt(15 * 3600)));
            }
            starts.sort(Instant::compareTo);
            Instant now = midnight;
            for (int s = 0; s < sessions; s++) {
                now = starts.get(s).isAfter(now) ? starts.get(s) : now.plusSeconds(60);
                String route = null;
                for (int m = 0; m < sizes[s]; m++) {
                    clock.set(now);
                    String text = "COMPLEX".equals(route) && random.nextDouble() < FOLLOW_UP
                            ? pick(random, byLabel.get("COMPLEX").stream().filter(t -> t.length() <= FOLLOW_UP_CHARS).toList())
                            : draw(random, byLabel);
                    route = api.message(user, text).json().get("route").asString();
                    routed.merge(route, 1, Integer::sum);
                    now = now.plusSeconds(20 + random.nextInt(160));
                }
                clock.set(now);
                worker.drain(); // the background worker would pick the exchanges up within seconds: the offline reading
                if (s + 1 == sessions || starts.get(s + 1).isAfter(now.plus(Duration.ofMinutes(6)))) {
                    clock.set(now.plus(Duration.ofMinutes(6)));
                    worker.drain(); // and the burst's, once the person has paused (a conversation soon after extends it)
                }
                if (s + 1 < sessions && Duration.between(now, starts.get(s + 1)).toMinutes() > 31) {
                    clock.set(now.plus(Duration.ofMinutes(31)));
                    sleep.sleepIdleUsers();
                }
            }
            clock.set(midnight.plus(Duration.ofHours(27))); // 03:00 the next night
            sleep.sleepEveryone();
        }
        return routed;
    }

    /**
     * The person goes away after the busy month: 21 days with check-ins on (polled every 15 minutes, as the
     * scheduler does) and the nightly consolidation. What the ledger records in that time, against what one night of
     * the busy month cost.
     */
    private String idle(String user, Instant from) {
        Instant start = from.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        BigDecimal before = spent(user);
        int sent = 0;
        for (int day = 0; day < IDLE_DAYS; day++) {
            Instant midnight = start.plus(Duration.ofDays(day));
            for (int quarter = 0; quarter < 96; quarter++) {
                clock.set(midnight.plus(Duration.ofMinutes(15L * quarter)));
                sent += checkIns.runDue();
            }
            clock.set(midnight.plus(Duration.ofHours(27)));
            sleep.sleepEveryone();
        }
        BigDecimal idle = spent(user).subtract(before);
        BigDecimal night = jdbc.sql("SELECT COALESCE(MAX(n), 0) FROM (SELECT SUM(cost_nanos) AS n FROM model_calls WHERE user_id = ? "
                        + "AND purpose = 'MEMORY_SUMMARISE' GROUP BY created_at / 86400000) nights")
                .param(user).query(Long.class).optional().map(n -> BigDecimal.valueOf(n, 9)).orElse(BigDecimal.ZERO);
        return ("%nThen %d idle days (check-ins on, nightly consolidation): $%s in all, %d check-in%s sent (the next waits "
                + "for an answer); the busiest night of the busy month's consolidation cost $%s.%n")
                .formatted(IDLE_DAYS, idle.setScale(4, RoundingMode.HALF_UP).toPlainString(), sent, sent == 1 ? "" : "s",
                        night.setScale(4, RoundingMode.HALF_UP).toPlainString());
    }

    private BigDecimal spent(String user) {
        return BigDecimal.valueOf(jdbc.sql("SELECT COALESCE(SUM(cost_nanos), 0) FROM model_calls WHERE user_id = ?")
                .param(user).query(Long.class).single(), 9);
    }

    private static String draw(Random random, Map<String, List<String>> byLabel) {
        int pick = random.nextInt(100);
        for (Map.Entry<String, Integer> share : new TreeMap<>(MIX).entrySet()) {
            pick -= share.getValue();
            if (pick < 0) {
                return pick(random, byLabel.get(share.getKey()));
            }
        }
        throw new IllegalStateException("shares must add up to 100");
    }

    private static String pick(Random random, List<String> texts) {
        return texts.get(random.nextInt(texts.size()));
    }

    private String table(String user, int rate, int days, Instant start, Instant end, Map<String, Integer> routed) {
        // cost with caching, without, calls, prompt tokens (all), output tokens
        Map<String, BigDecimal[]> components = new LinkedHashMap<>();
        COMPONENTS.keySet().forEach(key -> components.put(key, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO}));
        long cacheRead = 0;
        long cacheWrite = 0;
        long input = 0;
        for (YearMonth month = YearMonth.from(start.atZone(ZoneOffset.UTC)); !month.isAfter(YearMonth.from(end.atZone(ZoneOffset.UTC))); month = month.plusMonths(1)) {
            CostReport report = ledger.report(user, month);
            for (CostReport.Line line : report.byRoute()) {
                String key = line.key().startsWith("MEMORY") || line.key().equals("JUDGE") ? "MEMORY" : line.key();
                BigDecimal[] sums = components.get(key);
                assertThat(sums).as("unexpected purpose " + line.key()).isNotNull();
                sums[0] = sums[0].add(line.costUsd());
                sums[1] = sums[1].add(line.costUsd()).add(line.cacheSavingsUsd());
                sums[2] = sums[2].add(BigDecimal.valueOf(line.calls()));
                sums[3] = sums[3].add(BigDecimal.valueOf(line.inputTokens() + line.cacheReadTokens() + line.cacheWriteTokens()));
                sums[4] = sums[4].add(BigDecimal.valueOf(line.outputTokens()));
                cacheRead += line.cacheReadTokens();
                cacheWrite += line.cacheWriteTokens();
                input += line.inputTokens();
            }
        }
        BigDecimal scale = BigDecimal.valueOf(30).divide(BigDecimal.valueOf(days), 10, RoundingMode.HALF_UP);
        StringBuilder out = new StringBuilder("\n### %d messages a day (user %s)\n\nRouted: %s. Input tokens: %,d uncached, %,d cache reads, %,d cache writes.\n\n"
                .formatted(rate, user, routed, input, cacheRead, cacheWrite));
        out.append("| Component | Monthly cost, prompt caching on | caching off | calls a month | prompt / output tokens per call |\n|---|---:|---:|---:|---:|\n");
        BigDecimal with = BigDecimal.ZERO;
        BigDecimal without = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal[]> entry : components.entrySet()) {
            BigDecimal[] sums = entry.getValue();
            with = with.add(sums[0]);
            without = without.add(sums[1]);
            String perCall = sums[2].signum() == 0 ? "—" : sums[3].divide(sums[2], 0, RoundingMode.HALF_UP) + " / "
                    + sums[4].divide(sums[2], 0, RoundingMode.HALF_UP);
            out.append("| %s | $%s | $%s | %s | %s |\n".formatted(COMPONENTS.get(entry.getKey()), money(sums[0].multiply(scale)),
                    money(sums[1].multiply(scale)), sums[2].multiply(scale).setScale(0, RoundingMode.HALF_UP), perCall));
        }
        out.append("| Embeddings (bge-small-en-v1.5 in process) | $0.00 | $0.00 | — | — |\n");
        out.append("| **Total** | **$%s** | **$%s** | | |\n".formatted(money(with.multiply(scale)), money(without.multiply(scale))));
        BigDecimal replyOutput = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> cost : outputCostByComponent(user, start, end).entrySet()) {
            if (List.of("SIMPLE", "COMPLEX", "TOOL").contains(cost.getKey())) {
                replyOutput = replyOutput.add(cost.getValue());
            }
        }
        BigDecimal half = replyOutput.multiply(new BigDecimal("0.5")).multiply(scale);
        out.append("\nReply lengths ±50 %% (the output tokens of simple, complex and tool replies): $%s with replies half as long, $%s with them half as long again.\n"
                .formatted(money(with.multiply(scale).subtract(half)), money(with.multiply(scale).add(half))));
        long messages = routed.values().stream().mapToLong(Integer::longValue).sum();
        BigDecimal sms = SMS_SEGMENT_USD.multiply(BigDecimal.valueOf(messages * SMS_SEGMENTS_PER_EXCHANGE)).multiply(scale);
        out.append(("SMS, on a separate line (Twilio's bill, not the models'): if every message came by SMS — one segment in, "
                + "a reply sized for two segments out, $%s a segment — another **$%s** a month (%,d segments).%n")
                .formatted(SMS_SEGMENT_USD.toPlainString(), money(sms), BigDecimal.valueOf(messages * SMS_SEGMENTS_PER_EXCHANGE)
                        .multiply(scale).setScale(0, RoundingMode.HALF_UP).longValue()));
        out.append(repriced(user, start, end, scale));
        return out.toString();
    }

    /** Component of a recorded purpose (memory's several purposes are one). */
    private static String component(String purpose) {
        return purpose.startsWith("MEMORY") || purpose.equals("JUDGE") ? "MEMORY" : purpose;
    }

    /** Each component's (purpose's) tokens by the model that served them: input of every kind, output. */
    private Map<String, Map<String, long[]>> tokens(String user, Instant start, Instant end) {
        Map<String, Map<String, long[]>> byComponent = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT purpose, model, SUM(input_tokens + cache_read_tokens + cache_write_tokens), SUM(output_tokens)
                FROM model_calls WHERE user_id = ? AND created_at >= ? AND created_at < ? GROUP BY purpose, model""")
                .params(user, start.toEpochMilli(), end.plus(Duration.ofDays(1)).toEpochMilli())
                .query((rs, n) -> {
                    long[] sums = byComponent.computeIfAbsent(component(rs.getString(1)), k -> new LinkedHashMap<>())
                            .computeIfAbsent(rs.getString(2), k -> new long[2]);
                    sums[0] += rs.getLong(3);
                    sums[1] += rs.getLong(4);
                    return null;
                }).list();
        return byComponent;
    }

    private Map<String, BigDecimal> outputCostByComponent(String user, Instant start, Instant end) {
        Map<String, BigDecimal> costs = new LinkedHashMap<>();
        tokens(user, start, end).forEach((component, byModel) -> byModel.forEach((model, sums) -> costs.merge(component,
                BigDecimal.valueOf(sums[1]).multiply(price(model, "output")).divide(BigDecimal.valueOf(1_000_000), 10, RoundingMode.HALF_UP),
                BigDecimal::add)));
        return costs;
    }

    /**
     * The same calls priced for other models (cheap, smart), without caching: what the cheap model served goes to
     * the other cheap one, what the smart one served to the other smart one. An estimate, since another provider's
     * tokenizer counts the same text somewhat differently and its answers would differ in length.
     */
    private String repriced(String user, Instant start, Instant end, BigDecimal scale) {
        Map<String, Map<String, long[]>> tokens = tokens(user, start, end);
        StringBuilder out = new StringBuilder("\nThe same token counts priced for other models (no caching; an estimate; the first row is the `frugal` preset):\n\n| cheap / smart model |");
        COMPONENTS.values().forEach(name -> out.append(' ').append(name.replaceAll(" \\(.*", "")).append(" |"));
        out.append(" Total |\n|---|").append("---:|".repeat(COMPONENTS.size() + 1)).append('\n');
        for (List<String> models : ALTERNATIVES) {
            out.append("| ").append(models.get(0)).append(" / ").append(models.get(1)).append(" |");
            BigDecimal total = BigDecimal.ZERO;
            for (String component : COMPONENTS.keySet()) {
                BigDecimal cost = BigDecimal.ZERO;
                for (Map.Entry<String, long[]> served : tokens.getOrDefault(component, Map.of()).entrySet()) {
                    String model = served.getKey().equals(smartModel) && !smartModel.equals(cheapModel) ? models.get(1) : models.get(0);
                    cost = cost.add(BigDecimal.valueOf(served.getValue()[0]).multiply(price(model, "input"))
                            .add(BigDecimal.valueOf(served.getValue()[1]).multiply(price(model, "output")))
                            .divide(BigDecimal.valueOf(1_000_000), 10, RoundingMode.HALF_UP).multiply(scale));
                }
                total = total.add(cost);
                out.append(" $").append(money(cost)).append(" |");
            }
            out.append(" **$").append(money(total)).append("** |\n");
        }
        return out.toString();
    }

    private BigDecimal price(String model, String kind) {
        return new BigDecimal(environment.getRequiredProperty("assistant.cost.prices[" + model + "]." + kind));
    }

    private static String money(BigDecimal usd) {
        return usd.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
