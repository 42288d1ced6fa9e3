package dev.mnemo.memory.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way to change memories. {@link #apply} holds the user's lock, runs the change in one transaction
 * that also bumps the user's generation when anything searchable changed and stores the change's events in
 * the event publication registry; after commit it tells every {@link CommittedChange.Follower} (indexes,
 * caches), and the registry delivers the events to their listeners — again after a restart if one failed.
 */
@Component
public class MemoryChanges {
    private final MemoryTables tables;
    private final List<CommittedChange.Follower> followers;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** Weakly held: a lock disappears once nobody holds or waits for it. */
    private final Cache<String, ReentrantLock> locks = Caffeine.newBuilder().weakValues().build();

    public MemoryChanges(MemoryTables tables, List<CommittedChange.Follower> followers, TransactionTemplate transactions,
                  ApplicationEventPublisher events, Clock clock) {
        this.tables = tables;
        this.followers = followers;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Runs {@code work} holding the user's lock, for what reads, decides (maybe calling a model) and then
     * applies: nothing else changes the user's memories in this instance meanwhile. Re-entrant.
     */
    public <T> T locked(String userId, Supplier<T> work) {
        ReentrantLock lock = locks.get(userId, u -> new ReentrantLock());
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** Applies one change atomically; its result is {@code change}'s. */
    public <T> T apply(String userId, Function<MemoryEdit, T> change) {
        return locked(userId, () -> {
            MemoryEdit edit = new MemoryEdit(tables, userId, clock.millis());
            record Done<T>(T result, long generation) {
            }
            Done<T> done = transactions.execute(status -> {
                T result = change.apply(edit);
                long generation = edit.searchableChanged() ? tables.generations().bump(userId) : -1;
                edit.events().forEach(events::publishEvent);
                return new Done<>(result, generation);
            });
            if (done.generation() >= 0) {
                CommittedChange committed = edit.committed(done.generation());
                followers.forEach(f -> f.committed(committed));
            }
            return done.result();
        });
    }

    /** Runs {@code change} without a result. */
    public void run(String userId, Consumer<MemoryEdit> change) {
        apply(userId, edit -> {
            change.accept(edit);
            return null;
        });
    }
}
