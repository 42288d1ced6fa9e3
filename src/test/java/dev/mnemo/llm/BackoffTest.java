package dev.mnemo.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.Either;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final IntervalBiFunction<Object> backoff = ResilientLanguageModels.backoff(
            new ModelProperties.Retry(5, Duration.ofMillis(500), Duration.ofSeconds(3)));

    @RepeatedTest(20)
    void growsExponentiallyWithJitterUpToTheCap() {
        Either<Throwable, Object> failure = Either.left(new IllegalStateException("x"));
        assertThat(backoff.apply(1, failure)).isBetween(250L, 500L);
        assertThat(backoff.apply(2, failure)).isBetween(500L, 1000L);
        assertThat(backoff.apply(3, failure)).isBetween(1000L, 2000L);
        assertThat(backoff.apply(4, failure)).isBetween(1500L, 3000L);
        assertThat(backoff.apply(30, failure)).isBetween(1500L, 3000L);
    }

    @Test
    void theProvidersRetryAfterWins() {
        var limited = new ProviderHttpClient.ProviderHttpException(429, "{}", Optional.of(Duration.ofMillis(2500)));
        assertThat(backoff.apply(1, Either.left(new RuntimeException("wrapped", limited)))).isEqualTo(2500L);
    }

    @Test
    void onlyTransientFailuresAreRetryable() {
        assertThat(ProviderFailures.retryable(new ProviderHttpClient.ProviderHttpException(529, "", Optional.empty()))).isTrue();
        assertThat(ProviderFailures.retryable(new ProviderHttpClient.ProviderHttpException(429, "", Optional.empty()))).isTrue();
        assertThat(ProviderFailures.retryable(new ProviderHttpClient.ProviderHttpException(400, "", Optional.empty()))).isFalse();
        assertThat(ProviderFailures.retryable(new ProviderHttpClient.ProviderHttpException(401, "", Optional.empty()))).isFalse();
        assertThat(ProviderFailures.retryable(new RuntimeException(new HttpTimeoutException("slow")))).isTrue();
        assertThat(ProviderFailures.retryable(new IllegalStateException("the model returned no text"))).isFalse();
    }
}
