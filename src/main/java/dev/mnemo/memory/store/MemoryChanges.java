package dev.mnemo.memory.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way to change memories. {@link #apply} holds the user's lock, runs the change in one transaction
 * that also bumps the user's generation when anything searchable changed and stores the change's events in
 * the event publication registry; after the commit it tells every {@link CommittedChange.Follower} (indexes,
 * caches), and the registry delivers the events to their listeners  — again, once abandoned for five minutes, to one that failed or whose process died.
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
            return transactions.execute(status -> {
                T result = change.apply(edit);
                if (edit.searchableChanged()) {
                    CommittedChange committed = edit.committed(tables.generations().bump(userId));
                    // After the commit — of an outer transaction too, when this one joined it — never before:
                    // an index must not hold what may still roll back.
                    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            followers.forEach(f -> f.committed(committed));
                        }
                    });
                }
                edit.events().forEach(events::publishEvent);
                return result;
            });
        });
    }

    /**
     * Records that these memories were recalled: last access, count, and strength reinforced from the rows as
     * they are now. Without the user's lock — nothing searchable changes, and a recall must not wait for a
     * sleep that holds it across model calls.
     */
    public void recordAccess(String userId, Collection<String> memoryIds) {
        if (memoryIds.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(status -> tables.memories().recordAccess(
                tables.memories().findCurrent(userId, memoryIds), clock.millis()));
    }

    /** Runs {@code change} without a result. */
    public void run(String userId, Consumer<MemoryEdit> change) {
        apply(userId, edit -> {
            change.accept(edit);
            return null;
        });
    }
}
