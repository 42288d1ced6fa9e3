package dev.mnemo.memory.sleep;

import dev.mnemo.llm.ChatTurn;
import dev.mnemo.llm.LanguageModels;
import dev.mnemo.llm.ModelRequest;
import dev.mnemo.llm.ModelTier;
import dev.mnemo.llm.ModelUnavailableException;
import dev.mnemo.llm.Prompts;
import dev.mnemo.memory.MemoryKind;
import dev.mnemo.memory.MemoryProperties;
import dev.mnemo.memory.VersionReason;
import dev.mnemo.memory.index.IndexRegistry;
import dev.mnemo.memory.index.ScoredId;
import dev.mnemo.memory.index.UserIndex;
import dev.mnemo.memory.store.Memories;
import dev.mnemo.memory.store.StoredMemory;
import dev.mnemo.memory.write.ModelJson;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * With a model, folds each cluster of three or more related episodic memories older than
 * {@code summarise-after} into one general memory; the episodes become its history.
 */
@Component
class EpisodeSummariser {
    private static final Logger log = LoggerFactory.getLogger(EpisodeSummariser.class);
    private static final double CLUSTER_SIMILARITY = 0.75;
    private static final int MIN_CLUSTER = 3;

    private final Memories memories;
    private final IndexRegistry indexes;
    private final LanguageModels models;
    private final Prompts prompts;
    private final Folding folding;
    private final Clock clock;
    private final MemoryProperties properties;

    EpisodeSummariser(Memories memories, IndexRegistry indexes, LanguageModels models, Prompts prompts,
                      Folding folding, Clock clock, MemoryProperties properties) {
        this.memories = memories;
        this.indexes = indexes;
        this.models = models;
        this.prompts = prompts;
        this.folding = folding;
        this.clock = clock;
        this.properties = properties;
    }

    int summarise(String userId) {
        if (!models.configured()) {
            return 0;
        }
        long cutoff = clock.millis() - properties.summariseAfter().toMillis();
        UserIndex index = indexes.get(userId);
        Map<String, StoredMemory> episodes = new HashMap<>();
        memories.active(userId).stream().filter(m -> m.kind() == MemoryKind.EVENT && m.createdAt() < cutoff)
                .forEach(m -> episodes.put(m.id(), m));
        Set<String> used = new HashSet<>();
        int summarised = 0;
        for (StoredMemory seed : episodes.values().stream().sorted(Comparator.comparing(StoredMemory::id)).toList()) {
            float[] vector = index.vector(seed.id());
            if (vector == null || used.contains(seed.id())) {
                continue;
            }
            List<StoredMemory> cluster = new ArrayList<>(List.of(seed));
            for (ScoredId near : index.nearest(vector, 20)) {
                StoredMemory m = episodes.get(near.id());
                if (m != null && m != seed && !used.contains(m.id()) && near.score() >= CLUSTER_SIMILARITY) {
                    cluster.add(m);
                }
            }
            if (cluster.size() < MIN_CLUSTER) {
                continue;
            }
            String summary;
            try {
                summary = summaryOf(userId, cluster);
            } catch (ModelUnavailableException e) {
                log.warn("Memory sleep for user {}: no summary this time ({})", userId, e.getMessage());
                return summarised;
            }
            if (summary == null) {
                continue;
            }
            folding.fold(cluster.getFirst(), cluster.subList(1, cluster.size()), summary, MemoryKind.FACT,
                    VersionReason.SUMMARISED);
            cluster.forEach(m -> used.add(m.id()));
            summarised += cluster.size();
        }
        return summarised;
    }

    private String summaryOf(String userId, List<StoredMemory> cluster) {
        StringBuilder list = new StringBuilder();
        cluster.forEach(m -> list.append("- ").append(m.text()).append('\n'));
        String answer = models.chat(new ModelRequest(userId, null, "MEMORY_SUMMARISE", ModelTier.JUDGE,
                prompts.render("memory-summarise", Map.of()), List.of(ChatTurn.user(list.toString())))).text();
        String text = ModelJson.parse(answer).map(json -> json.path("text").asString("").strip()).orElse("");
        return text.isEmpty() ? null : text;
    }
}
