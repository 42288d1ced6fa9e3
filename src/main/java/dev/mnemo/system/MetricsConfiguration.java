package dev.mnemo.system;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every meter on {@code /actuator/prometheus} has help text and a name Prometheus' own linter accepts
 * ({@code promtool check metrics}, run in CI): descriptions for Mnemo's meters, a generic one for the framework's
 * that have none, and the few framework meters whose names break the conventions left out.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {
    static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("mnemo.messages", "Messages received, by channel and route"),
            Map.entry("mnemo.messages.unanswered", "Messages kept unanswered because no model could reply"),
            Map.entry("mnemo.model.failures", "Failed model calls (after retries), by model"),
            Map.entry("mnemo.model.tokens", "Tokens used, by model and type (input, output, cache_read, cache_write)"),
            Map.entry("mnemo.model.cost.usd", "Model cost in USD, by model and purpose"),
            Map.entry("mnemo.budget.alerts", "Monthly budget thresholds crossed (50, 80, 100 percent)"),
            Map.entry("mnemo.budget.skipped", "Background model work skipped or done offline because the month's budget is spent, by purpose"),
            Map.entry("mnemo.agent.tool.unused", "Messages routed to the tool agent that it answered without calling a tool"),
            Map.entry("mnemo.memory.changes", "Committed memory changes, by kind (memoryadded, memorycorrected, memoriesforgotten, ...)"),
            Map.entry("mnemo.memory.extraction.fallbacks", "Memory extractions done offline because the model was unavailable or its answer unusable"),
            Map.entry("mnemo.memory.sleep.runs", "Memory consolidations, by trigger"),
            Map.entry("mnemo.memory.sleep.merged", "Memories merged into others during consolidation"),
            Map.entry("mnemo.memory.sleep.summarised", "Episodes summarised during consolidation"),
            Map.entry("mnemo.memory.sleep.pruned", "Weak memories pruned during consolidation"),
            Map.entry("mnemo.memory.sleep.purged", "Pruned memories purged after their grace period"),
            Map.entry("mnemo.reminders.sent", "Reminders sent"),
            Map.entry("mnemo.reminders.failures", "Reminders that could not be sent (retried or uncertain)"),
            Map.entry("mnemo.backup.runs", "Backups attempted, by outcome"));
    /** Names Prometheus' linter rejects (abbreviated units, a "_count" suffix on a gauge); nothing uses them. */
    static final Set<String> NONCONFORMING = Set.of("jvm.compilation.time", "process.cpu.time", "system.cpu.count");

    @Bean
    MeterFilter nonconformingMeters() {
        return MeterFilter.deny(id -> NONCONFORMING.contains(id.getName()));
    }

    @Bean
    MeterFilter meterDescriptions() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (id.getDescription() != null && !id.getDescription().isBlank()) {
                    return id;
                }
                String description = DESCRIPTIONS.getOrDefault(id.getName(), id.getName().startsWith("mnemo.")
                        ? id.getName() : "Spring Boot / Micrometer meter " + id.getName());
                return new Meter.Id(id.getName(), Tags.of(id.getTagsAsIterable()),
                        id.getBaseUnit(), description, id.getType());
            }
        };
    }
}
