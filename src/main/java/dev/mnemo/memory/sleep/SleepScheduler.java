package dev.mnemo.memory.sleep;

import dev.mnemo.memory.MemoryProperties;
import dev.mnemo.memory.SleepCompleted;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When sleep happens: for a user idle for {@code idle-before-sleep} since they were last active, and
 * nightly for everyone. Decisions use the injected clock; the timers only say when to look.
 */
@Component
public class SleepScheduler {
    private static final Logger log = LoggerFactory.getLogger(SleepScheduler.class);
    /** The nightly run skips a user consolidated within this window (e.g. by an idle run an hour ago). */
    private static final Duration NIGHTLY_WINDOW = Duration.ofHours(12);

    private final Activity activity;
    private final Consolidator consolidator;
    private final Clock clock;
    private final MemoryProperties properties;
    private final boolean background;

    public SleepScheduler(Activity activity, Consolidator consolidator, Clock clock, MemoryProperties properties) {
        this.activity = activity;
        this.consolidator = consolidator;
        this.clock = clock;
        this.properties = properties;
        this.background = properties.backgroundJobs();
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    @SchedulerLock(name = "memory-sleep-idle", lockAtMostFor = "PT1M")
    public void everyMinute() {
        if (background) {
            sleepIdleUsers();
        }
    }

    @Scheduled(cron = "${assistant.memory.nightly-cron}")
    @SchedulerLock(name = "memory-sleep-nightly", lockAtMostFor = "PT2M", lockAtLeastFor = "PT1M")
    public void nightly() {
        if (background) {
            sleepEveryone();
        }
    }

    /** Consolidates every user idle long enough since their last activity; returns what was done. */
    public List<SleepCompleted> sleepIdleUsers() {
        List<SleepCompleted> reports = new ArrayList<>();
        for (String user : activity.idleSinceLastSleep(properties.idleBeforeSleep().toMillis())) {
            if (activity.claimIdle(user)) {
                reports.add(run(user, "IDLE"));
            }
        }
        return reports;
    }

    public List<SleepCompleted> sleepEveryone() {
        List<SleepCompleted> reports = new ArrayList<>();
        long since = clock.millis() - NIGHTLY_WINDOW.toMillis();
        for (String user : activity.everyone()) {
            if (activity.claimSince(user, since)) {
                reports.add(run(user, "NIGHTLY"));
            }
        }
        return reports;
    }

    private SleepCompleted run(String user, String trigger) {
        try {
            return consolidator.consolidate(user, trigger);
        } catch (RuntimeException e) {
            log.error("Memory sleep ({}) for user {} failed", trigger, user, e);
            return new SleepCompleted(user, trigger + "_FAILED", clock.instant(), clock.instant(), 0, 0, 0, 0, 0);
        }
    }
}
