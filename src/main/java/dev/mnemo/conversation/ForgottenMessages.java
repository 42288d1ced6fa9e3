package dev.mnemo.conversation;

import dev.mnemo.memory.ForgottenSources;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a person deletes memories, the messages they came from (and the replies to them) are redacted, so the
 * conversation history in a later prompt cannot bring the forgotten thing back.
 */
@Component
class ForgottenMessages {
    private final MessageLog messages;

    ForgottenMessages(MessageLog messages) {
        this.messages = messages;
    }

    @EventListener
    void on(ForgottenSources event) {
        messages.redact(event.sourceMessageIds());
        messages.redactQuotes(event.userId(), event.texts());
    }
}
