package dev.mnemo.vault.internal;

import dev.mnemo.memory.SleepCompleted;
import dev.mnemo.vault.Vault;
import dev.mnemo.vault.VaultProperties;
import java.time.Clock;
import dev.mnemo.vault.internal.VaultStore.SyncState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When the vault syncs: once changes have settled (the debounce after the latest one, or ten debounces after the
 * first however many keep coming), after each sleep of its person (every note is written again then: strengths
 * decayed), and nightly; while the remote cannot take the commits, every ten debounces again. The sync itself makes
 * sure only one runs at a time.
 */
@Component
class VaultScheduler {
    private static final Logger log = LoggerFactory.getLogger(VaultScheduler.class);
    private static final int LONGEST_WAIT = 10;

    private final Vault vault;
    private final VaultStore store;
    private final VaultProperties properties;
    private final Clock clock;

    VaultScheduler(Vault vault, VaultStore store, VaultProperties properties, Clock clock) {
        this.vault = vault;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${assistant.vault.poll}", initialDelayString = "${assistant.vault.poll}")
    void poll() {
        if (active()) {
            syncIfSettled();
        }
    }

    @Scheduled(cron = "${assistant.vault.nightly-cron}")
    void nightly() {
        if (active()) {
            run("nightly");
        }
    }

    /** Marks the whole vault for the next sync, which the poll then runs outside this listener's transaction. */
    @ApplicationModuleListener
    void on(SleepCompleted sleep) {
        if (vault.on() && sleep.userId().equals(vault.user())) {
            store.pending(sleep.userId(), List.of(VaultStore.ALL), sleep.finishedAt());
        }
    }

    void syncIfSettled() {
        Duration longest = properties.debounce().multipliedBy(LONGEST_WAIT);
        Optional<SyncState> last = store.state(vault.user());
        boolean remoteDown = last.isPresent() && last.get().remoteError() != null && last.get().syncedAt() != null;
        boolean retryDue = remoteDown && !last.get().syncedAt().plus(longest).isAfter(clock.instant());
        if (remoteDown && !retryDue && !store.markedAfter(vault.user(), last.get().syncedAt())) {
            return; // what waits, waits for the remote: tried again every ten debounces, not at every poll
        }
        if (store.settled(vault.user(), properties.debounce(), longest, clock.instant())) {
            run("changes");
        } else if (retryDue) {
            run("the remote again"); // commits the remote refused or could not take
        }
    }

    private boolean active() {
        return vault.on() && properties.scheduled();
    }

    private void run(String why) {
        try {
            log.info("Vault synced ({}): {}", why, vault.sync().summary());
        } catch (RuntimeException e) {
            log.error("The vault could not be synced ({}): {}", why, e.getMessage());
        }
    }
}
