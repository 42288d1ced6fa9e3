package dev.mnemo.vault.internal;

import dev.mnemo.memory.SleepCompleted;
import dev.mnemo.vault.Vault;
import dev.mnemo.vault.VaultProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** When the vault syncs: a while after the last change (debounced), after each sleep of its person, and nightly. */
@Component
class VaultScheduler {
    private static final Logger log = LoggerFactory.getLogger(VaultScheduler.class);

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
    @SchedulerLock(name = "vault-sync", lockAtMostFor = "PT10M")
    void poll() {
        if (active()) {
            syncIfSettled();
        }
    }

    @Scheduled(cron = "${assistant.vault.nightly-cron}")
    @SchedulerLock(name = "vault-sync", lockAtMostFor = "PT10M")
    void nightly() {
        if (active()) {
            run("nightly");
        }
    }

    @ApplicationModuleListener
    void on(SleepCompleted sleep) {
        if (active() && sleep.userId().equals(vault.user())) {
            run("after sleep");
        }
    }

    /** Syncs when the oldest pending change is older than the debounce. */
    void syncIfSettled() {
        Optional<Instant> oldest = store.oldestPending(vault.user());
        if (oldest.isPresent() && !oldest.get().plus(properties.debounce()).isAfter(clock.instant())) {
            run("changes");
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
