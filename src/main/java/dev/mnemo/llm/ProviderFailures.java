package dev.mnemo.llm;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Reads a failed provider call: worth retrying or not, and how long the provider asked us to wait. */
final class ProviderFailures {
    /** Rate limited, overloaded (Anthropic's 529), or a server-side failure: the same request may succeed later. */
    private static final Set<Integer> RETRYABLE_STATUS = Set.of(408, 409, 425, 429, 500, 502, 503, 504, 529);

    private ProviderFailures() {
    }

    static boolean retryable(Throwable failure) {
        Optional<Integer> status = status(failure);
        if (status.isPresent()) {
            return RETRYABLE_STATUS.contains(status.get());
        }
        // No HTTP answer at all: timeouts, refused or reset connections.
        return find(failure, IOException.class).isPresent();
    }

    static Optional<Integer> status(Throwable failure) {
        return find(failure, ProviderHttpClient.ProviderHttpException.class).map(e -> e.statusCode());
    }

    static Optional<Duration> retryAfter(Throwable failure) {
        return find(failure, ProviderHttpClient.ProviderHttpException.class).flatMap(e -> e.retryAfter());
    }

    /** A log-safe description: the status or exception type, never the request (which carries the prompt). */
    static String describe(Throwable failure) {
        return status(failure).map(s -> "HTTP " + s)
                .or(() -> find(failure, IOException.class).map(e -> e.getClass().getSimpleName()))
                .orElse(failure.getClass().getSimpleName());
    }

    private static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }
}
