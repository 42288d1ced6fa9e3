package dev.mnemo.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * LangChain4j's HTTP transport on the JDK client, keeping what the stock one drops: the status and
 * {@code retry-after} of a failed call, so retries can honour the provider's wish.
 */
final class ProviderHttpClient implements HttpClient {
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("content-length", "host", "connection", "expect", "upgrade");

    private final java.net.http.HttpClient client;
    private final Duration readTimeout;
    private final HttpClient streaming;

    private ProviderHttpClient(Duration connectTimeout, Duration readTimeout) {
        this.client = java.net.http.HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .build();
        this.readTimeout = readTimeout;
        this.streaming = JdkHttpClient.builder().connectTimeout(connectTimeout).readTimeout(readTimeout).build();
    }

    static Builder builder() {
        return new Builder();
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(readTimeout);
        request.headers().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        builder.method(request.method().name(), request.body() == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
        HttpResponse<String> response;
        try {
            response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the model provider", e);
        }
        if (response.statusCode() < 200 || response.statusCode() > 299) {
            throw new ProviderHttpException(response.statusCode(), response.body(), retryAfter(response));
        }
        return SuccessfulHttpResponse.builder()
                .statusCode(response.statusCode())
                .headers(response.headers().map())
                .body(response.body())
                .build();
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        streaming.execute(request, parser, listener);
    }

    /** {@code retry-after-ms} (OpenAI) or {@code retry-after} in seconds; an HTTP date is treated as absent. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<Duration> millis = response.headers().firstValue("retry-after-ms").flatMap(v -> number(v, 1));
        return millis.isPresent() ? millis
                : response.headers().firstValue("retry-after").flatMap(v -> number(v, 1000));
    }

    private static Optional<Duration> number(String value, long millisPerUnit) {
        try {
            double amount = Double.parseDouble(value.trim());
            return amount < 0 ? Optional.empty() : Optional.of(Duration.ofMillis((long) (amount * millisPerUnit)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A non-2xx answer of a provider, with the wait it asked for. */
    static final class ProviderHttpException extends HttpException {
        private final transient Optional<Duration> retryAfter;

        ProviderHttpException(int statusCode, String body, Optional<Duration> retryAfter) {
            super(statusCode, body);
            this.retryAfter = retryAfter;
        }

        Optional<Duration> retryAfter() {
            return retryAfter;
        }
    }

    static final class Builder implements HttpClientBuilder {
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public Builder connectTimeout(Duration timeout) {
            if (timeout != null) {
                this.connectTimeout = timeout;
            }
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public Builder readTimeout(Duration timeout) {
            if (timeout != null) {
                this.readTimeout = timeout;
            }
            return this;
        }

        @Override
        public HttpClient build() {
            return new ProviderHttpClient(connectTimeout, readTimeout);
        }
    }
}
