package dev.mnemo.memory.sleep;

import dev.mnemo.memory.SleepCompleted;
import dev.mnemo.memory.store.MemoryChanges;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Sleep: what a memory does while the person is away. For one user, holding the user's lock, in order:
 * store the decayed strengths; merge near-duplicates; with a model, fold clusters of related old episodes
 * into one general memory; prune what is both weak and unimportant (restorable); purge what was pruned
 * longer ago than {@code purge-after}. Each step commits on its own through {@link MemoryChanges}; the
 * run ends with a {@link SleepCompleted}.
 */
@Component
public class Consolidator {
    private final MemoryChanges changes;
    private final Fading fading;
    private final DuplicateMerger merger;
    private final EpisodeSummariser summariser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Consolidator(MemoryChanges changes, Fading fading, DuplicateMerger merger, EpisodeSummariser summariser,
                 ApplicationEventPublisher events, Clock clock) {
        this.changes = changes;
        this.fading = fading;
        this.merger = merger;
        this.summariser = summariser;
        this.events = events;
        this.clock = clock;
    }

    public SleepCompleted consolidate(String userId, String trigger) {
        SleepCompleted done = changes.locked(userId, () -> {
            var started = clock.instant();
            int decayed = fading.decay(userId);
            int merged = merger.merge(userId);
            int summarised = summariser.summarise(userId);
            int pruned = fading.prune(userId);
            int purged = fading.purge(userId);
            return new SleepCompleted(userId, trigger, started, clock.instant(), decayed, merged, summarised, pruned,
                    purged);
        });
        events.publishEvent(done);
        return done;
    }
}
