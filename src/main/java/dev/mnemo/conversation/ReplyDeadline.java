package dev.mnemo.conversation;

import dev.mnemo.llm.ModelUnavailableException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * {@code ASSISTANT_REPLY_DEADLINE}: how long a person waits for an answer, retries, fallbacks and tool rounds
 * together. Past it the work is interrupted and the message waits for its late answer.
 */
@Component
class ReplyDeadline implements AutoCloseable {
    private final Duration deadline;
    private final ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();

    ReplyDeadline(ConversationProperties properties) {
        this.deadline = properties.replyDeadline();
    }

    Duration duration() {
        return deadline;
    }

    /** @throws ModelUnavailableException when the deadline passes (or the work itself found no model) */
    <T> T within(Supplier<T> answer) {
        Future<T> future = work.submit(answer::get);
        try {
            return future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ModelUnavailableException("no answer within the reply deadline of " + deadline.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ModelUnavailableException("interrupted while waiting for the model", e);
        }
    }

    @Override
    public void close() {
        work.shutdownNow();
    }
}
