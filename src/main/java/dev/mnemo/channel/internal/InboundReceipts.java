package dev.mnemo.channel.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Provider message ids already received, and the message each was stored as: a retried webhook is answered once,
 * and a retry of a delivery that died before its message was stored is taken in again.
 */
@Repository
public class InboundReceipts {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate transactions;

    InboundReceipts(JdbcClient jdbc, Clock clock, TransactionTemplate transactions) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A delivery older than this whose message was never stored died on the way: its retry counts as new. */
    static final Duration ORPHANED_AFTER = Duration.ofSeconds(10);

    /** True the first time this id is seen (on any instance), false for every retry. */
    private boolean firstTime(String channel, String externalId) {
        return jdbc.sql("""
                INSERT INTO inbound_receipts (channel, external_id, received_at) VALUES (?, ?, ?)
                ON CONFLICT (channel, external_id) DO NOTHING""")
                .params(channel, externalId, clock.millis()).update() == 1;
    }

    /**
     * True when this delivery is to be taken in: the first time the id is seen, or a retry of one whose message
     * was never stored (its instance died in between). A retry of a stored message is not: it is answered already,
     * or will be late.
     */
    public boolean takeIn(String channel, String externalId) {
        if (firstTime(channel, externalId)) {
            return true;
        }
        long now = clock.millis();
        return jdbc.sql("""
                UPDATE inbound_receipts SET received_at = ?
                WHERE channel = ? AND external_id = ? AND message_id IS NULL AND received_at < ?""")
                .params(now, channel, externalId, now - ORPHANED_AFTER.toMillis()).update() == 1;
    }

    /** What a delivery that was not stored (a keyword, a refusal) records, so that no retry is taken in again. */
    static final String SETTLED = "-";

    /** The delivery was dealt with without a message: its retries are repeats, whenever they come. */
    public void settle(String channel, String externalId) {
        jdbc.sql("UPDATE inbound_receipts SET message_id = ? WHERE channel = ? AND external_id = ? AND message_id IS NULL")
                .params(SETTLED, channel, externalId).update();
    }

    /** Stores the delivery's message and records it with the receipt, in one transaction: both or neither. */
    public String store(String channel, String externalId, Supplier<String> receive) {
        return transactions.execute(status -> {
            String messageId = receive.get();
            jdbc.sql("UPDATE inbound_receipts SET message_id = ? WHERE channel = ? AND external_id = ?")
                    .params(messageId, channel, externalId).update();
            return messageId;
        });
    }
}
