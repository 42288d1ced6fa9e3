package dev.mnemo.memory;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How memory behaves. The defaults are measured: see BENCHMARKS.md for the thresholds and the ranking.
 *
 * @param embeddingModel   {@code bge-small-en-v1.5} or {@code all-minilm-l6-v2} (in process), or
 *                         {@code openai:text-embedding-3-small}
 * @param recallLimit      memories put into a prompt
 * @param candidates       candidates from each of the vector and keyword searches before re-ranking
 * @param mergeThreshold   cosine similarity from which a new statement is the same memory said again; null means
 *                         the embedding model's measured value ({@link dev.mnemo.memory.embedding.Thresholds})
 * @param relatedThreshold cosine similarity from which an existing memory is compared for an update; null means
 *                         the embedding model's measured value
 * @param relevanceFloor   cosine similarity with the message from which a recalled memory goes into the prompt;
 *                         null means the embedding model's measured value
 *                         ({@link dev.mnemo.memory.embedding.RelevanceFloor})
 * @param halfLife         how fast an unused, unremarkable memory fades (longer for important or used ones)
 * @param idleBeforeSleep  a user idle this long gets their memories consolidated
 * @param nightlyCron      when every user's memories are consolidated
 * @param pruneBelow       strength under which an unimportant memory is pruned (soft delete)
 * @param pruneMaxImportance memories more important than this are never pruned
 * @param purgeAfter       how long a pruned memory stays restorable before it is deleted
 * @param summariseAfter   episodic memories older than this may be summarised into one
 * @param jobPollInterval  how often the memory job queue is polled (besides the kick after each reply)
 * @param backgroundJobs   run extraction, sleep, re-embedding and access recording in the background;
 *                         tests turn it off and drive that work themselves, on their clock
 * @param burstPause       how long the person must pause before the model reads their last messages for memories,
 *                         all in one call ({@code ASSISTANT_MEMORY_BURST_PAUSE}); meanwhile what the offline statements
 *                         find is stored at once. Zero reads each exchange as it comes
 */
@ConfigurationProperties("assistant.memory")
public record MemoryProperties(String embeddingModel, int recallLimit, int candidates, Double mergeThreshold,
                               Double relatedThreshold, Double relevanceFloor, Duration halfLife, Duration idleBeforeSleep,
                               String nightlyCron, double pruneBelow, int pruneMaxImportance, Duration purgeAfter,
                               Duration summariseAfter, Duration jobPollInterval, boolean backgroundJobs,
                               Duration burstPause) {
    public MemoryProperties {
        if (recallLimit < 1 || candidates < recallLimit) {
            throw new IllegalArgumentException("assistant.memory: need 1 <= recall-limit <= candidates");
        }
        if (burstPause == null || burstPause.isNegative()) {
            throw new IllegalArgumentException("ASSISTANT_MEMORY_BURST_PAUSE must be a duration of zero or more (e.g. 2m)");
        }
    }
}
