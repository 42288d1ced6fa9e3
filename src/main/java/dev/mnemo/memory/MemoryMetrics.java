package dev.mnemo.memory;

import dev.mnemo.memory.store.Memories;
import dev.mnemo.memory.store.MemoryStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** How many memories are kept, and every committed change counted by kind ({@code mnemo.memory.changes}). */
@Component
class MemoryMetrics {
    private final MeterRegistry meters;

    MemoryMetrics(Memories memories, MeterRegistry meters) {
        this.meters = meters;
        for (MemoryStatus status : MemoryStatus.values()) {
            Gauge.builder("mnemo.memory.stored", memories, m -> m.count(status))
                    .tag("status", status.name()).description("memories kept, over all users").register(meters);
        }
    }

    @ApplicationModuleListener
    void on(MemoryChanged change) {
        meters.counter("mnemo.memory.changes", "change", change.getClass().getSimpleName().toLowerCase(Locale.ROOT))
                .increment();
    }
}
