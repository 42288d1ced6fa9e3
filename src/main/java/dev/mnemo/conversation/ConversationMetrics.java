package dev.mnemo.conversation;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** {@code mnemo.messages} by channel and route, and {@code mnemo.messages.unanswered}. */
@Component
class ConversationMetrics {
    private final MeterRegistry meters;

    ConversationMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @EventListener
    void on(MessageAnswered message) {
        meters.counter("mnemo.messages", "channel", message.channel().id(), "route", message.route().name()).increment();
        if (message.modelUnavailable()) {
            meters.counter("mnemo.messages.unanswered").increment();
        }
    }
}
