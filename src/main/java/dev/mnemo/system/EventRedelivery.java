package dev.mnemo.system;

import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again what a listener did not complete: it failed, or its process died (a crash, a restart). Only
 * publications older than {@link #ABANDONED_AFTER} are taken, by one instance at a time, so an event another
 * instance — or a command-line run — is delivering right now is not delivered twice; listeners are written to
 * bear a repeat all the same.
 */
@Component
class EventRedelivery {
    /** No listener of Mnemo's takes this long: an incomplete publication this old is abandoned. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);

    private final IncompleteEventPublications incomplete;
    private final boolean enabled;

    EventRedelivery(IncompleteEventPublications incomplete, @Value("${assistant.events.redelivery}") boolean enabled) {
        this.incomplete = incomplete;
        this.enabled = enabled;
    }

    @Scheduled(initialDelay = 60_000, fixedDelay = 60_000)
    @SchedulerLock(name = "event-redelivery", lockAtMostFor = "PT1M")
    void scheduled() {
        if (enabled) {
            redeliver();
        }
    }

    void redeliver() {
        incomplete.resubmitIncompletePublicationsOlderThan(ABANDONED_AFTER);
    }
}
