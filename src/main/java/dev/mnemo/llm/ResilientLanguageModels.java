package dev.mnemo.llm;

import dev.langchain4j.model.anthropic.AnthropicTokenUsage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.mnemo.cost.CostLedger;
import dev.mnemo.cost.ModelCall;
import dev.mnemo.cost.TokenUsage;
import dev.mnemo.privacy.Privacy;
import dev.mnemo.privacy.Redaction;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

@Component
class ResilientLanguageModels implements LanguageModels {
    private static final Logger log = LoggerFactory.getLogger(ResilientLanguageModels.class);

    private final ModelProperties properties;
    private final ProviderProperties providers;
    private final ChatModelFactory factory;
    private final CostLedger ledger;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Privacy privacy;
    private final Map<ModelSpec, Guarded> guarded = new ConcurrentHashMap<>();

    ResilientLanguageModels(ModelProperties properties, ProviderProperties providers, ChatModelFactory factory,
                            CostLedger ledger, MeterRegistry meters, Clock clock, Privacy privacy) {
        this.privacy = privacy;
        this.properties = properties;
        this.providers = providers;
        this.factory = factory;
        this.ledger = ledger;
        this.meters = meters;
        this.clock = clock;
        if (configured()) {
            for (ModelTier tier : ModelTier.values()) {
                ModelSpec spec = ModelSpec.parse(properties.name(tier));
                if (!providers.configured(spec.provider())) {
                    throw new IllegalStateException("ASSISTANT_MODEL_" + tier + " is '" + properties.name(tier)
                            + "', served by " + spec.provider().id() + ", which has no key or base URL configured. "
                            + "Set " + (spec.provider() == Provider.ANTHROPIC ? "ANTHROPIC_API_KEY" : "OPENAI_API_KEY or OPENAI_BASE_URL")
                            + ", or name a model of a configured provider.");
                }
            }
        }
    }

    @Override
    public boolean configured() {
        return providers.configured(Provider.ANTHROPIC) || providers.configured(Provider.OPENAI);
    }

    @Override
    public Optional<String> inUse() {
        if (!configured()) {
            return Optional.empty();
        }
        ModelSpec cheap = ModelSpec.parse(properties.cheap());
        ModelSpec smart = ModelSpec.parse(properties.smart());
        return Optional.of(cheap.equals(smart) ? cheap + " (every reply)" : cheap + " (cheap), " + smart + " (smart)");
    }

    @Override
    public ModelReply chat(ModelRequest request) {
        if (!configured()) {
            throw new ModelUnavailableException("no model provider is configured", null);
        }
        if (request.background() && !ledger.mayRunInBackground(request.userId(), request.purpose())) {
            throw new BudgetSpentException(request.purpose());
        }
        List<ModelSpec> candidates = candidates(request);
        // ASSISTANT_PII_MODE=redact: the provider sees placeholders; the mapping never leaves this call.
        Redaction redaction = privacy.forModelProvider();
        ModelRequest outgoing = redaction == null ? request : Redactions.apply(request, redaction);
        RuntimeException last = null;
        for (ModelSpec spec : candidates) {
            if (Thread.currentThread().isInterrupted()) {
                // the reply deadline passed: not the provider's failure, and no reason to try the next model
                throw new ModelUnavailableException("interrupted: the reply deadline passed", last);
            }
            Guarded model = guarded.computeIfAbsent(spec, this::guard);
            long started = System.nanoTime();
            try {
                ChatResponse response = model.call(ChatRequests.of(outgoing, spec.provider(), properties.promptCaching()));
                Duration latency = Duration.ofNanos(System.nanoTime() - started);
                TokenUsage usage = usage(response);
                // Recorded before the answer is checked: an empty answer is still paid for.
                BigDecimal cost = ledger.record(new ModelCall(request.userId(), request.messageId(), request.purpose(),
                        spec.provider().id(), spec.name(), usage, latency)).orElse(null);
                String text = response.aiMessage() == null ? null : response.aiMessage().text();
                List<ToolCall> toolCalls = request.tools().isEmpty() ? List.of() : ChatRequests.toolCalls(response.aiMessage());
                if ((text == null || text.isBlank()) && toolCalls.isEmpty()) {
                    throw new IllegalStateException("the model returned no text");
                }
                Timer.builder("mnemo.model.latency").tag("model", spec.name()).tag("outcome", "ok")
                        .publishPercentileHistogram().register(meters).record(latency);
                if (redaction != null) {
                    text = redaction.restore(text);
                    toolCalls = Redactions.restore(toolCalls, redaction);
                }
                return new ModelReply(text == null ? "" : text.strip(), spec.provider().id(), spec.name(), usage, cost,
                        !spec.equals(candidates.getFirst()), toolCalls);
            } catch (CallNotPermittedException e) {
                log.warn("Skipping model {}: its circuit breaker is open after repeated failures", spec);
                last = e;
            } catch (RuntimeException e) {
                log.warn("Model {} failed ({}){}", spec, ProviderFailures.describe(e),
                        spec.equals(candidates.getLast()) ? "" : "; trying the next model");
                meters.counter("mnemo.model.failures", "model", spec.name()).increment();
                last = e;
            }
        }
        throw new ModelUnavailableException("no model could answer (tried " + candidates + ")", last);
    }

    /** The tier's model, then the cheap one; only the cheap one once the month's budget is spent. */
    private List<ModelSpec> candidates(ModelRequest request) {
        Set<String> names = new LinkedHashSet<>();
        if (request.tier() != ModelTier.CHEAP && ledger.overBudget(request.userId())) {
            log.info("User {} is over the monthly budget: using the cheap model", request.userId());
        } else {
            names.add(properties.name(request.tier()));
        }
        names.add(properties.cheap());
        return names.stream().map(ModelSpec::parse).toList();
    }

    /** Normalises provider usage: {@code input} excludes cached tokens, which are counted (and priced) apart. */
    private static TokenUsage usage(ChatResponse response) {
        dev.langchain4j.model.output.TokenUsage usage = response.tokenUsage();
        if (usage == null) {
            return TokenUsage.NONE;
        }
        long input = orZero(usage.inputTokenCount());
        long output = orZero(usage.outputTokenCount());
        if (usage instanceof AnthropicTokenUsage anthropic) {
            // Anthropic reports input_tokens without the cached parts.
            return new TokenUsage(input, output, orZero(anthropic.cacheReadInputTokens()),
                    orZero(anthropic.cacheCreationInputTokens()));
        }
        if (usage instanceof OpenAiTokenUsage openAi && openAi.inputTokensDetails() != null) {
            // OpenAI's prompt_tokens include the cached ones.
            long cached = Math.min(input, orZero(openAi.inputTokensDetails().cachedTokens()));
            return new TokenUsage(input - cached, output, cached, 0);
        }
        return new TokenUsage(input, output, 0, 0);
    }

    private static long orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private Guarded guard(ModelSpec spec) {
        ModelProperties.Retry retry = properties.retry();
        Retry retrier = Retry.of("model-" + spec, RetryConfig.custom()
                .maxAttempts(retry.maxAttempts())
                .retryOnException(e -> ProviderFailures.retryable(e)
                        // A provider asking for a longer pause than we would wait: let the next model answer.
                        && ProviderFailures.retryAfter(e).map(d -> d.compareTo(retry.maxBackoff()) <= 0).orElse(true))
                .intervalBiFunction(backoff(retry))
                .build());
        retrier.getEventPublisher().onRetry(event -> log.info("Retrying model {} (attempt {}) in {} ms after {}", spec,
                event.getNumberOfRetryAttempts() + 1, event.getWaitInterval().toMillis(),
                ProviderFailures.describe(event.getLastThrowable())));
        ModelProperties.CircuitBreaker cb = properties.circuitBreaker();
        CircuitBreaker breaker = CircuitBreaker.of("model-" + spec, CircuitBreakerConfig.custom()
                .clock(clock)
                .slidingWindow(Math.max(cb.minimumCalls(), 10), cb.minimumCalls(),
                        CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(cb.failureRateThreshold())
                // a call cut short by the reply deadline says nothing about the provider's health
                .recordException(e -> !Thread.currentThread().isInterrupted())
                .waitDurationInOpenState(cb.openFor())
                .build());
        breaker.getEventPublisher().onStateTransition(event ->
                log.warn("Circuit breaker of model {}: {}", spec, event.getStateTransition()));
        return new Guarded(factory.create(spec), retrier, breaker);
    }

    /** Exponential backoff with full jitter in [d/2, d], or exactly the provider's {@code retry-after}. */
    static IntervalBiFunction<Object> backoff(ModelProperties.Retry retry) {
        return (attempt, outcome) -> {
            if (outcome.isLeft()) {
                Duration asked = ProviderFailures.retryAfter(outcome.getLeft()).orElse(null);
                if (asked != null) {
                    return asked.toMillis();
                }
            }
            long ceiling = Math.min(retry.maxBackoff().toMillis(),
                    retry.initialBackoff().toMillis() << Math.min(attempt - 1, 20));
            return ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
        };
    }

    private record Guarded(ChatModel model, Retry retry, CircuitBreaker breaker) {
        ChatResponse call(ChatRequest request) {
            return breaker.executeSupplier(Retry.decorateSupplier(retry, () -> model.chat(request)));
        }
    }
}
