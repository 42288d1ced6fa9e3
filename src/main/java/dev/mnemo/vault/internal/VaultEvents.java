package dev.mnemo.vault.internal;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the vault's events inside a transaction of their own, so that the event publication registry keeps
 * them and their listeners run after it commits (and again after a crash); a sync itself is not one transaction.
 */
@Component
class VaultEvents {
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    VaultEvents(ApplicationEventPublisher events, TransactionTemplate transactions) {
        this.events = events;
        this.transactions = transactions;
    }

    void publish(Object event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }
}
