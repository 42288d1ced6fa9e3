package dev.mnemo.conversation;

import dev.mnemo.llm.ModelReply;
import dev.mnemo.memory.MemoryIntake;
import dev.mnemo.routing.RouteDecision;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a reply together with the memory job of its exchange, in one transaction: what was said is always
 * worth remembering, even when only a notice answered it.
 */
@Component
class ReplyStore {
    private final MessageLog messages;
    private final MemoryIntake memory;
    private final TransactionTemplate transactions;

    ReplyStore(MessageLog messages, MemoryIntake memory, TransactionTemplate transactions) {
        this.messages = messages;
        this.memory = memory;
        this.transactions = transactions;
    }

    /** A model's live answer; false when the message was answered meanwhile (late), and this one is dropped. */
    boolean saveAnswer(String id, InboundMessage message, RouteDecision decision, ModelReply answer) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            if (!messages.saveReply(id, message, answer.text(), decision, answer.model(), answer.usage(),
                    answer.costUsd(), true)) {
                return false;
            }
            memory.enqueue(message.userId(), id, message.text(), answer.text());
            return true;
        }));
    }

    /** A late answer, stored only while this instance's claim on the message holds. */
    boolean saveLateAnswer(String id, String owner, InboundMessage message, String text, RouteDecision decision,
                           ModelReply answer) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            if (!messages.endClaim(id, owner, MessageLog.ANSWERED)) {
                return false; // another instance took over an expired claim: its answer counts, not this one
            }
            messages.saveReply(id, message, text, decision, answer.model(), answer.usage(), answer.costUsd(), false);
            memory.enqueue(message.userId(), id, message.text(), answer.text());
            return true;
        }));
    }

    /** A notice answers nothing (the message stays unanswered), but what the person said is kept for memory. */
    void saveNotice(String id, InboundMessage message, String notice, RouteDecision decision) {
        transactions.executeWithoutResult(status -> {
            messages.saveReply(id, message, notice, decision, null, null, BigDecimal.ZERO, false);
            memory.enqueue(message.userId(), id, message.text(), null);
        });
    }

    /** A command's reply: answered, with nothing for memory (the command did its own remembering). */
    void saveCommandReply(String id, InboundMessage message, String text, RouteDecision decision) {
        messages.saveReply(id, message, text, decision, null, null, BigDecimal.ZERO, true);
    }
}
