package dev.mnemo.conversation;

import dev.mnemo.agent.AgentRequest;
import dev.mnemo.agent.Agents;
import dev.mnemo.agent.ReplySize;
import dev.mnemo.llm.ChatTurn;
import dev.mnemo.llm.LanguageModels;
import dev.mnemo.llm.ModelReply;
import dev.mnemo.llm.ModelRequest;
import dev.mnemo.llm.ModelUnavailableException;
import dev.mnemo.routing.Route;
import dev.mnemo.routing.RouteDecision;
import dev.mnemo.routing.RouteRequest;
import dev.mnemo.routing.Router;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * Routes a stored message and, when its route calls for a model, has the agent answer it — both within one
 * reply deadline (the classifier may call the cheap model too). A command or an offline installation gets its
 * route only; the caller answers those itself.
 */
@Component
class RoutedAnswering {
    private final Router router;
    private final Agents agents;
    private final LanguageModels models;
    private final MessageLog messages;
    private final ConversationProperties properties;
    private final ReplyDeadline deadline;
    private final Clock clock;

    RoutedAnswering(Router router, Agents agents, LanguageModels models, MessageLog messages,
                    ConversationProperties properties, ReplyDeadline deadline, Clock clock) {
        this.router = router;
        this.agents = agents;
        this.models = models;
        this.messages = messages;
        this.properties = properties;
        this.deadline = deadline;
        this.clock = clock;
    }

    /**
     * The route, and either the model's answer ({@code answer}, null when the route asked for none) or why there
     * is none ({@code failure}).
     */
    record Outcome(RouteDecision decision, ModelReply answer, ModelUnavailableException failure) {
        boolean answered() {
            return failure == null;
        }
    }

    boolean modelsConfigured() {
        return models.configured();
    }

    /** How long a reply may take: what is older without one is left for {@link LateAnswers}. */
    Duration deadline() {
        return deadline.duration();
    }

    /** A message answered as it arrives, with its conversation so far (the previous message, when recent, too). */
    Outcome answerNow(String id, InboundMessage message) {
        Optional<MessageLog.Previous> previous = messages.previous(message.userId(), id);
        RouteRequest request = previous.map(p -> new RouteRequest(message.userId(), id, message.text(), p.route(), p.at()))
                .orElse(RouteRequest.alone(message.userId(), id, message.text()));
        boolean hotThread = previous.filter(p -> !p.at().isBefore(clock.instant().minus(ModelRequest.CACHE_LIFETIME)))
                .isPresent();
        return answer(id, message, request, previous.map(MessageLog.Previous::route).orElse(null), hotThread,
                clock.instant().minus(properties.historyWindow()));
    }

    /** A message answered late, routed on its own, with the conversation as it was when it was sent. */
    Outcome answerLate(String id, InboundMessage message, Instant sentAt) {
        return answer(id, message, RouteRequest.alone(message.userId(), id, message.text()), null, false,
                sentAt.minus(properties.historyWindow()));
    }

    private Outcome answer(String id, InboundMessage message, RouteRequest request, Route previousRoute,
                           boolean hotThread, Instant historySince) {
        AtomicReference<RouteDecision> routedSoFar = new AtomicReference<>();
        try {
            return deadline.within(() -> {
                RouteDecision decision = router.route(request);
                routedSoFar.set(decision);
                if (decision.route() == Route.COMMAND || !models.configured()) {
                    return new Outcome(decision, null, null);
                }
                boolean hot = hotThread && decision.route() == previousRoute;
                List<ChatTurn> history = messages.history(message.userId(), id, properties.historyTurns(), historySince);
                return new Outcome(decision, agents.answer(new AgentRequest(message.userId(), id, decision.route(),
                        history, message.text(), hot,
                        message.channel() == Channel.SMS ? ReplySize.TEXT_MESSAGE : ReplySize.CHAT)), null);
            });
        } catch (ModelUnavailableException e) {
            RouteDecision decision = routedSoFar.get() != null ? routedSoFar.get()
                    : new RouteDecision(Route.SIMPLE, "not routed in time: " + e.getMessage());
            return new Outcome(decision, null, e);
        }
    }
}
