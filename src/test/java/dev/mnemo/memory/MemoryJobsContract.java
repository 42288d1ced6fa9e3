package dev.mnemo.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.memory.write.MemoryJobWorker;
import dev.mnemo.memory.write.MemoryJobs;
import dev.mnemo.testing.MutableClock;
import dev.mnemo.testing.TestClockConfiguration;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
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

    @AfterEach
    void resetClock() {
        clock.set(TestClockConfiguration.START);
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
        assertThat(worker.drain()).isEqualTo(1);
        assertThat(worker.drain()).isZero();
        assertThat(recall.list(user, 10)).extracting(Memory::text).containsExactly("I grew up in Braga.");
        assertThat(recall.list(user, 10).getFirst().sources()).containsExactly("msg-1");
    }
}
