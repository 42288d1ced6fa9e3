package dev.mnemo.memory.write;

import dev.mnemo.memory.MemoryProperties;
import dev.mnemo.memory.WriteOutcome;
import dev.mnemo.memory.store.MemoryChanges;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
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
 * Works through the memory job queue. With a model and a burst pause, each exchange is read offline at once (what
 * the statements find is recallable right away) and then waits until the person pauses, when the model reads the
 * whole burst in one call, importance included; otherwise each exchange is read as it comes. Kicked right after a
 * reply commits and polled on a timer, so a restart or another instance picks up what is left.
 */
@Component
public class MemoryJobWorker implements AutoCloseable {
    /** Exchanges read by the model in one call, at most: a long burst is read in parts. */
    static final int MAX_BURST = 12;
    private static final Logger log = LoggerFactory.getLogger(MemoryJobWorker.class);

    private final MemoryJobs jobs;
    private final CandidateExtractor extractor;
    private final MemoryWriter writer;
    private final MemoryChanges changes;
    private final boolean background;
    private final Duration burstPause;
    private final ExecutorService kicks = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService leases = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("memory-job-lease").factory());
    private final AtomicBoolean draining = new AtomicBoolean();
    private final MeterRegistry meters;

    public MemoryJobWorker(MemoryJobs jobs, CandidateExtractor extractor, MemoryWriter writer,
                           MemoryChanges changes, MeterRegistry meters, MemoryProperties properties) {
        this.jobs = jobs;
        this.extractor = extractor;
        this.burstPause = properties.burstPause();
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
                    List<MemoryJobs.Job> burst = new ArrayList<>(List.of(job));
                    if (job.stage() == MemoryJobs.Stage.BURST) {
                        for (MemoryJobs.Job more : jobs.dueBurstOf(job.userId(), MAX_BURST)) {
                            if (burst.size() < MAX_BURST && !more.id().equals(job.id()) && jobs.claim(more)) {
                                burst.add(more);
                            }
                        }
                    }
                    completed += run(burst);
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

    /** Works on claimed jobs under a lease; returns how many were completed (an offline first reading is not yet). */
    private int run(List<MemoryJobs.Job> burst) {
        long started = System.nanoTime();
        MemoryJobs.Job first = burst.getFirst();
        boolean offlineFirst = first.stage() == MemoryJobs.Stage.NEW && extractor.modelConfigured() && !burstPause.isZero();
        String reading = offlineFirst ? "offline" : first.stage() == MemoryJobs.Stage.BURST ? "burst" : "each";
        List<ScheduledFuture<?>> leases = burst.stream().<ScheduledFuture<?>>map(job -> this.leases.scheduleAtFixedRate(
                () -> renew(job), MemoryJobs.RENEW_EVERY.toMillis(), MemoryJobs.RENEW_EVERY.toMillis(), TimeUnit.MILLISECONDS))
                .toList();
        try {
            if (offlineFirst) {
                List<CandidateExtractor.Sourced> found = CandidateExtractor.offline(first.userText()).stream()
                        .map(c -> new CandidateExtractor.Sourced(c, first.messageId())).toList();
                if (write(List.of(first), found, false)) {
                    jobs.awaitBurst(first, burstPause);
                }
                jobTimer("ok", reading).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                return 0;
            }
            List<CandidateExtractor.Exchange> exchanges = burst.stream()
                    .map(j -> new CandidateExtractor.Exchange(j.messageId(), j.userText(), j.replyText())).toList();
            // A burst's offline reading is stored already: without the model's, nothing more is to be done.
            boolean restating = first.stage() == MemoryJobs.Stage.BURST;
            List<CandidateExtractor.Sourced> found = restating
                    ? extractor.fromModel(first.userId(), exchanges).orElse(List.of())
                    : extractor.extract(first.userId(), exchanges);
            write(burst, found, restating);
            burst.forEach(jobs::done);
            jobTimer("ok", reading).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            return burst.size();
        } catch (RuntimeException e) {
            for (MemoryJobs.Job job : burst) {
                log.warn("Memory job {} for message {} failed (attempt {}): {}", job.id(), job.messageId(),
                        job.attempts() + 1, e.toString());
                jobs.failed(job, e.toString());
            }
            jobTimer("failed", reading).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            return 0;
        } finally {
            leases.forEach(lease -> lease.cancel(false));
        }
    }

    /**
     * Writes each candidate, scored by the heuristic when the model gave no importance; false when the message was
     * forgotten meanwhile (a /forget deletes its job under the same lock), and what came from it is dropped.
     */
    private boolean write(List<MemoryJobs.Job> burst, List<CandidateExtractor.Sourced> found, boolean restating) {
        boolean kept = true;
        for (CandidateExtractor.Sourced sourced : found) {
            MemoryJobs.Job job = burst.stream().filter(j -> j.messageId().equals(sourced.messageId())).findFirst()
                    .orElseThrow();
            Candidate candidate = sourced.candidate().importance() > 0 ? sourced.candidate()
                    : sourced.candidate().withImportance(ImportanceJudge.heuristic(sourced.candidate().text(), sourced.candidate().kind()));
            Boolean written = changes.locked(job.userId(), () -> {
                if (!jobs.exists(job)) {
                    return false;
                }
                MemoryWriter.Restated restated = restating
                        ? writer.restate(job.userId(), candidate, job.messageId(), job.createdAt()) : MemoryWriter.Restated.NO;
                if (restated == MemoryWriter.Restated.NO) {
                    writer.write(job.userId(), candidate, List.of(job.messageId()), job.userText(), null);
                } else if (restated == MemoryWriter.Restated.LEFT_AS_THE_PERSON_CHANGED_IT) {
                    log.info("A statement of the model's reading of message {} is left out: the person changed what was "
                            + "kept from it", job.messageId());
                }
                return true;
            });
            if (!written) {
                log.info("Memory job for message {} dropped: the message was forgotten", job.messageId());
                kept = false;
            }
        }
        return kept;
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

    /** @param reading {@code offline} (the first reading of a burst's exchange), {@code burst}, or {@code each} (one exchange read as it comes) */
    private Timer jobTimer(String outcome, String reading) {
        return Timer.builder("mnemo.memory.job.duration").tag("outcome", outcome).tag("reading", reading)
                .publishPercentileHistogram().description("memory extraction jobs: how long each took, and how many failed").register(meters);
    }

    @Override
    public void close() {
        kicks.shutdownNow();
        leases.shutdownNow();
    }
}
