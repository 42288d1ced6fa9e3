package dev.mnemo.memory;

import dev.mnemo.memory.sleep.Activity;
import dev.mnemo.memory.write.Candidate;
import dev.mnemo.memory.write.CandidateExtractor;
import dev.mnemo.memory.write.ImportanceJudge;
import dev.mnemo.memory.write.MemoryJobWorker;
import dev.mnemo.memory.write.MemoryJobs;
import dev.mnemo.memory.write.MemoryWriter;
import dev.mnemo.system.StorableText;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The write path's entrances: an exchange queued for extraction, or what the person asked to remember. */
@Service
class IntakeService implements MemoryIntake {
    private final MemoryJobs jobs;
    private final MemoryJobWorker worker;
    private final ImportanceJudge judge;
    private final MemoryWriter writer;
    private final Activity activity;
    private final Duration burstPause;

    IntakeService(MemoryJobs jobs, MemoryJobWorker worker, ImportanceJudge judge, MemoryWriter writer,
                  Activity activity, MemoryProperties properties) {
        this.burstPause = properties.burstPause();
        this.jobs = jobs;
        this.worker = worker;
        this.judge = judge;
        this.writer = writer;
        this.activity = activity;
    }

    @Override
    public void enqueue(String userId, String messageId, String userText, String replyText) {
        jobs.enqueue(userId, messageId, userText, replyText, burstPause);
        activity.touch(userId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    worker.kick();
                }
            });
        } else {
            worker.kick();
        }
    }

    @Override
    public WriteOutcome remember(String userId, String text, String sourceMessageId, Instant saidAt) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("nothing to remember");
        }
        Candidate candidate = CandidateExtractor.explicit(StorableText.of(text));
        Candidate judged = judge.judge(userId, sourceMessageId, List.of(candidate), true).getFirst();
        activity.touch(userId);
        return writer.write(userId, judged, sourceMessageId == null ? List.of() : List.of(sourceMessageId), null,
                saidAt == null ? null : saidAt.toEpochMilli());
    }
}
