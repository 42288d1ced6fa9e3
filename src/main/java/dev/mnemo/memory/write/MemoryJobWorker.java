package dev.mnemo.memory.write;

import dev.mnemo.memory.MemoryProperties;
import dev.mnemo.memory.WriteOutcome;
import dev.mnemo.memory.store.MemoryChanges;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Works through the memory job queue: extract candidates from the exchange, judge them, write each. Kicked
 * right after a reply commits and polled on a timer, so a restart or another instance picks up what is left.
 */
@Component
public class MemoryJobWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MemoryJobWorker.class);

    private final MemoryJobs jobs;
    private final CandidateExtractor extractor;
    private final ImportanceJudge judge;
    private final MemoryWriter writer;
    private final MemoryChanges changes;
    private final boolean background;
    private final ExecutorService kicks = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService leases = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("memory-job-lease").factory());
    private final AtomicBoolean draining = new AtomicBoolean();
    private final MeterRegistry meters;

    public MemoryJobWorker(MemoryJobs jobs, CandidateExtractor extractor, ImportanceJudge judge, MemoryWriter writer,
                           MemoryChanges changes, MeterRegistry meters, MemoryProperties properties) {
        this.jobs = jobs;
        this.extractor = extractor;
        this.judge = judge;
        this.writer = writer;
        this.changes = changes;
        this.background = properties.backgroundJobs();
        this.meters = meters;
        Gauge.builder("mnemo.memory.jobs.pending", jobs, MemoryJobs::pending)
                .description("exchanges waiting for memory extraction").register(meters);
    }

    /** Starts draining soon, off the caller's thread (after a reply was stored). */
    public void kick() {
        if (background) {
            kicks.submit(this::drain);
        }
    }

    @Scheduled(fixedDelayString = "${assistant.memory.job-poll-interval}", initialDelayString = "${assistant.memory.job-poll-interval}")
    void poll() {
        if (background) {
            drain();
        }
    }

    /** Processes every due job; returns how many this call completed. One drain at a time per instance. */
    public int drain() {
        if (!draining.compareAndSet(false, true)) {
            return 0;
        }
        int completed = 0;
        try {
            List<MemoryJobs.Job> due;
            while (!(due = jobs.due(20)).isEmpty()) {
                int claimedNow = 0;
                for (MemoryJobs.Job job : due) {
                    if (!jobs.claim(job)) {
                        continue;
                    }
                    claimedNow++;
                    long started = System.nanoTime();
                    ScheduledFuture<?> lease = leases.scheduleAtFixedRate(() -> renew(job),
                            MemoryJobs.RENEW_EVERY.toMillis(), MemoryJobs.RENEW_EVERY.toMillis(), TimeUnit.MILLISECONDS);
                    try {
                        process(job);
                        jobs.done(job);
                        completed++;
                        jobTimer("ok").record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                    } catch (RuntimeException e) {
                        log.warn("Memory job {} for message {} failed (attempt {}): {}", job.id(), job.messageId(),
                                job.attempts() + 1, e.toString());
                        jobs.failed(job, e.toString());
                        jobTimer("failed").record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                    } finally {
                        lease.cancel(false);
                    }
                }
                if (claimedNow == 0) {
                    break;
                }
            }
        } finally {
            draining.set(false);
        }
        return completed;
    }

    /** A failed renewal is logged and tried again next time: a task that throws is never run again. */
    private void renew(MemoryJobs.Job job) {
        try {
            if (!jobs.renew(job)) {
                log.warn("Memory job {} was taken over by another instance while this one worked on it", job.id());
            }
        } catch (RuntimeException e) {
            log.warn("Could not renew the lease on memory job {}: {}", job.id(), e.toString());
        }
    }

    private Timer jobTimer(String outcome) {
        return Timer.builder("mnemo.memory.job.duration").tag("outcome", outcome)
                .publishPercentileHistogram().description("memory extraction jobs: how long each took, and how many failed").register(meters);
    }

    private void process(MemoryJobs.Job job) {
        List<Candidate> candidates = judge.judge(job.userId(), job.messageId(),
                extractor.extract(job.userId(), job.messageId(), job.userText(), job.replyText()), false);
        for (Candidate candidate : candidates) {
            // A /forget of this message's memories may have run meanwhile: it deletes the job under the same lock.
            WriteOutcome outcome = changes.locked(job.userId(), () -> jobs.exists(job)
                    ? writer.write(job.userId(), candidate, List.of(job.messageId()), job.userText(), null) : null);
            if (outcome == null) {
                log.info("Memory job for message {} dropped: the message was forgotten", job.messageId());
                return;
            }
        }
    }

    @Override
    public void close() {
        kicks.shutdownNow();
        leases.shutdownNow();
    }
}
