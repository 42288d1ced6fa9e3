package dev.mnemo.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.memory.write.MemoryJobWorker;
import dev.mnemo.memory.write.MemoryJobs;
import dev.mnemo.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The write path's queue survives a crash on every database: an abandoned job is picked up again, and only once. */
abstract class MemoryJobsContract {
    @Autowired
    MemoryJobs jobs;
    @Autowired
    MemoryJobWorker worker;
    @Autowired
    MemoryIntake intake;
    @Autowired
    MemoryRecall recall;
    @Autowired
    MutableClock clock;

    Instant clockBefore;

    @BeforeEach
    void saveTheClock() {
        clockBefore = clock.instant();
    }

    /** The clock is the context's: the next test class finds it where this one found it. */
    @AfterEach
    void restoreTheClock() {
        clock.set(clockBefore);
    }

    @Test
    void aJobClaimedByAnInstanceThatDiedIsDoneLaterExactlyOnce() {
        worker.drain();
        String user = "jobs-" + UUID.randomUUID();
        intake.enqueue(user, "msg-1", "I grew up in Braga.", null);
        MemoryJobs.Job job = jobs.due(10).stream().filter(j -> j.userId().equals(user)).findFirst().orElseThrow();
        assertThat(jobs.claim(job)).isTrue(); // ...and then the instance died

        assertThat(worker.drain()).isZero();
        assertThat(jobs.claim(job)).isFalse();

        clock.advance(Duration.ofMinutes(11));
        // Other classes' jobs may fall due in these minutes too: what matters is this one, done once.
        assertThat(worker.drain()).isPositive();
        assertThat(jobs.exists(job)).as("done and gone from the queue").isFalse();
        assertThat(worker.drain()).isZero();
        assertThat(recall.list(user, 10)).extracting(Memory::text).containsExactly("I grew up in Braga.");
        assertThat(recall.list(user, 10).getFirst().sources()).containsExactly("msg-1");
    }
}
