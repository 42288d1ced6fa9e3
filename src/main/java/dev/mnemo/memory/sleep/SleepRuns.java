package dev.mnemo.memory.sleep;

import dev.mnemo.memory.SleepCompleted;
import dev.mnemo.system.Ids;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Every sleep run is recorded in {@code memory_sleep_runs}, logged and counted. */
@Component
class SleepRuns {
    private static final Logger log = LoggerFactory.getLogger(SleepRuns.class);

    private final JdbcClient jdbc;
    private final MeterRegistry meters;
    private final Clock clock;

    SleepRuns(JdbcClient jdbc, MeterRegistry meters, Clock clock) {
        this.jdbc = jdbc;
        this.meters = meters;
        this.clock = clock;
    }

    @EventListener
    void on(SleepCompleted run) {
        jdbc.sql("""
                INSERT INTO memory_sleep_runs (id, user_id, trigger, started_at, finished_at, decayed, merged, summarised, pruned, purged)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Ids.newId(clock), run.userId(), run.trigger(), run.startedAt().toEpochMilli(),
                        run.finishedAt().toEpochMilli(), run.decayed(), run.merged(), run.summarised(), run.pruned(),
                        run.purged())
                .update();
        log.info("Memory sleep ({}) for user {}: {} decayed, {} merged, {} summarised, {} pruned, {} purged",
                run.trigger(), run.userId(), run.decayed(), run.merged(), run.summarised(), run.pruned(), run.purged());
        meters.counter("mnemo.memory.sleep.runs", "trigger", run.trigger()).increment();
        meters.counter("mnemo.memory.sleep.merged").increment(run.merged());
        meters.counter("mnemo.memory.sleep.summarised").increment(run.summarised());
        meters.counter("mnemo.memory.sleep.pruned").increment(run.pruned());
        meters.counter("mnemo.memory.sleep.purged").increment(run.purged());
    }
}
