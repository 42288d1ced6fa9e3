package dev.mnemo.channel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnemo.channel.MessageKind;
import dev.mnemo.conversation.Channel;
import dev.mnemo.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The channels' own stores — receipts, opt-outs, deliveries — behave the same on every database. */
abstract class ChannelStoresContract {
    @Autowired
    InboundReceipts receipts;
    @Autowired
    OptOuts optOuts;
    @Autowired
    Deliveries deliveries;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    Instant clockBefore;
    String unique;

    @BeforeEach
    void setUp() {
        clockBefore = clock.instant();
        unique = UUID.randomUUID().toString();
    }

    @AfterEach
    void restoreTheClock() {
        clock.set(clockBefore);
    }

    @Test
    void aReceiptIsTakenInOnceUnlessItsMessageWasNeverStored() {
        String stored = "SM-stored-" + unique;
        assertThat(receipts.takeIn("sms", stored)).isTrue();
        String messageId = UUID.randomUUID().toString(); // a message id, as the message log makes them
        assertThat(receipts.store("sms", stored, () -> messageId)).isEqualTo(messageId);
        clock.advance(InboundReceipts.ORPHANED_AFTER.multipliedBy(3));
        assertThat(receipts.takeIn("sms", stored)).as("a retry of a stored message").isFalse();
        assertThat(receipts.takeIn("discord", stored)).as("the same id on another channel is another message").isTrue();

        String orphan = "SM-orphan-" + unique;
        assertThat(receipts.takeIn("sms", orphan)).isTrue();
        assertThat(receipts.takeIn("sms", orphan)).as("a retry while the first may still be storing it").isFalse();
        clock.advance(InboundReceipts.ORPHANED_AFTER.plusSeconds(1));
        assertThat(receipts.takeIn("sms", orphan)).as("its instance died before storing it").isTrue();
        assertThat(receipts.takeIn("sms", orphan)).as("and only one retry takes it over").isFalse();

        String handled = "SM-handled-" + UUID.randomUUID();
        assertThat(receipts.takeIn("sms", handled)).isTrue();
        receipts.settle("sms", handled); // a STOP, a refusal: dealt with, no message stored
        clock.advance(InboundReceipts.ORPHANED_AFTER.plusSeconds(1));
        assertThat(receipts.takeIn("sms", handled)).as("a late retry of a settled delivery").isFalse();
    }

    @Test
    void theReceiptIsLinkedToItsMessageInsideTheMessagesTransaction() {
        String id = "SM-linked-" + unique;
        String messageId = UUID.randomUUID().toString();
        AtomicReference<String> linkedBeforeCommit = new AtomicReference<>();
        assertThat(receipts.takeIn("sms", id)).isTrue();

        receipts.store("sms", id, () -> {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    linkedBeforeCommit.set(jdbc.sql("SELECT message_id FROM inbound_receipts WHERE channel = 'sms' AND external_id = ?")
                            .param(id).query(String.class).single());
                }
            });
            return messageId;
        });

        assertThat(linkedBeforeCommit.get()).as("a crash after the commit finds the receipt linked").isEqualTo(messageId);
    }

    @Test
    void aReceiptWhoseMessageFailedToStoreIsNotLinked() {
        String id = "SM-failing-" + unique;
        assertThat(receipts.takeIn("sms", id)).isTrue();
        assertThatThrownBy(() -> receipts.store("sms", id, () -> {
            jdbc.sql("UPDATE inbound_receipts SET message_id = ? WHERE external_id = ?").params(UUID.randomUUID().toString(), id).update();
            throw new IllegalStateException("the message could not be stored");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(jdbc.sql("SELECT message_id FROM inbound_receipts WHERE channel = 'sms' AND external_id = ?").param(id)
                .query(String.class).optional()).as("rolled back with the message").isEmpty();
        clock.advance(InboundReceipts.ORPHANED_AFTER.plusSeconds(1));
        assertThat(receipts.takeIn("sms", id)).as("so its retry is taken in").isTrue();
    }

    @Test
    void anOptOutHoldsForItsChannelAndAddressUntilOptIn() {
        String phone = "+1555" + Math.abs(unique.hashCode() % 10_000_000);
        assertThat(optOuts.optedOut("sms", phone)).isFalse();
        optOuts.optOut("sms", phone);
        optOuts.optOut("sms", phone); // STOP twice is still one opt-out

        assertThat(optOuts.optedOut("sms", phone)).isTrue();
        assertThat(optOuts.optedOut("discord", phone)).isFalse();
        assertThat(optOuts.optedOut("sms", phone + "0")).isFalse();
        optOuts.optIn("sms", phone);
        assertThat(optOuts.optedOut("sms", phone)).isFalse();
        optOuts.optIn("sms", phone); // START twice changes nothing
        assertThat(optOuts.optedOut("sms", phone)).isFalse();
    }

    @Test
    void aDeliveryRecordsItsOutcomeAndAFinalStatusIsNeverOverwritten() {
        String user = "deliveries-" + unique;
        String external = "SM-out-" + unique;
        String id = deliveries.record(user, Channel.SMS, "+15550001111", "Reminder: x", MessageKind.REMINDER,
                Deliveries.SENDING, null, null);
        deliveries.outcome(id, Deliveries.SENT, external, null);
        assertThat(status(id)).isEqualTo(Deliveries.SENT);

        assertThat(deliveries.statusReported(external, "DELIVERED", null)).isTrue();
        assertThat(deliveries.statusReported(external, "SENT", null)).as("a late 'sent' after 'delivered'").isFalse();
        assertThat(status(id)).isEqualTo("DELIVERED");
        assertThat(deliveries.statusReported("SM-unknown-" + unique, "DELIVERED", null)).isFalse();
        for (String last : List.of("UNDELIVERED", "READ", "FAILED")) {
            String other = "SM-" + last + "-" + unique;
            String delivery = deliveries.record(user, Channel.SMS, "+15550001111", "x", MessageKind.REPLY, Deliveries.SENT, other, null);
            assertThat(deliveries.statusReported(other, last, "e".repeat(500))).isTrue();
            assertThat(deliveries.statusReported(other, "SENT", null)).as("nothing after " + last).isFalse();
            assertThat(status(delivery)).isEqualTo(last);
        }
        // A status longer than the column (Twilio has "partially_delivered") is cut, on every database.
        String partial = "SM-partial-" + unique;
        String delivery = deliveries.record(user, Channel.SMS, "+15550001111", "x", MessageKind.REPLY, Deliveries.SENT, partial, null);
        assertThat(deliveries.statusReported(partial, "PARTIALLY_DELIVERED", "e".repeat(500))).isTrue();
        assertThat(status(delivery)).isEqualTo("PARTIALLY_DELIVE");
        assertThat(jdbc.sql("SELECT error FROM deliveries WHERE id = ?").param(delivery).query(String.class).single()).hasSize(200);

        String failed = deliveries.record(user, Channel.SMS, "+15550001111", "x", MessageKind.REPLY, Deliveries.SENDING, null, null);
        deliveries.outcome(failed, Deliveries.FAILED, null, "e".repeat(500));
        assertThat(status(failed)).isEqualTo(Deliveries.FAILED);
        assertThat(jdbc.sql("SELECT error FROM deliveries WHERE id = ?").param(failed).query(String.class).single())
                .as("errors are kept short").hasSize(200);
    }

    @Test
    void theInboxIsEachPersonsOwnOldestFirstAndHandedOverOnce() {
        String user = "inbox-" + unique;
        String first = queue(user, "first");
        clock.advance(Duration.ofSeconds(1));
        String second = queue(user, "second");
        queue("other-" + user, "someone else's");

        assertThat(deliveries.pendingInbox(user)).extracting(Deliveries.InboxItem::id).containsExactly(first, second);
        assertThat(deliveries.acknowledgeInbox("other-" + user, List.of(first))).as("not theirs to acknowledge").isZero();
        assertThat(deliveries.acknowledgeInbox(user, List.of(first, first))).isEqualTo(1);
        assertThat(deliveries.collectInbox(user)).containsExactly("second");
        assertThat(deliveries.collectInbox(user)).isEmpty();
        assertThat(deliveries.pendingInbox(user)).isEmpty();
        assertThat(deliveries.pendingInbox("other-" + user)).extracting(Deliveries.InboxItem::text).containsExactly("someone else's");
    }

    private String queue(String user, String text) {
        return deliveries.record(user, Channel.WEB, null, text, MessageKind.REMINDER, Deliveries.QUEUED, null, null);
    }

    private String status(String id) {
        return jdbc.sql("SELECT status FROM deliveries WHERE id = ?").param(id).query(String.class).single();
    }
}
