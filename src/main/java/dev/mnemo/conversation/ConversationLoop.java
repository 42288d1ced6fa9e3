package dev.mnemo.conversation;

import dev.mnemo.agent.AgentRequest;
import dev.mnemo.agent.Agents;
import dev.mnemo.llm.ChatTurn;
import dev.mnemo.llm.LanguageModels;
import dev.mnemo.llm.ModelReply;
import dev.mnemo.llm.ModelRequest;
import dev.mnemo.llm.ModelUnavailableException;
import dev.mnemo.memory.MemoryIntake;
import dev.mnemo.routing.Route;
import dev.mnemo.routing.RouteDecision;
import dev.mnemo.routing.RouteRequest;
import dev.mnemo.routing.Router;
import dev.mnemo.routing.RoutingProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class ConversationLoop implements Conversation {
    static final String OFFLINE_NOTICE = """
            No language model is configured, so I can't answer that yet. I've kept your message. \
            Commands work without a model: /help lists them. To chat, set ANTHROPIC_API_KEY \
            (or OPENAI_API_KEY, or OPENAI_BASE_URL for a local server) and restart me.""";
    static final String UNREACHABLE_NOTICE = """
            I couldn't reach my model just now, so I'll keep your message: it's saved, and I'll answer it \
            as soon as my model is back.""";
    private static final Logger log = LoggerFactory.getLogger(ConversationLoop.class);

    private final MessageLog messages;
    private final Router router;
    private final Agents agents;
    private final LanguageModels models;
    private final ChatCommands commands;
    private final ConversationProperties properties;
    private final MeterRegistry meters;
    private final MemoryIntake memory;
    private final TransactionTemplate transactions;
    private final RoutingProperties routing;
    private final Clock clock;
    private final ReplyDeadline deadline;

    ConversationLoop(MessageLog messages, Router router, Agents agents, LanguageModels models, ChatCommands commands,
                     ConversationProperties properties, MeterRegistry meters, MemoryIntake memory,
                     TransactionTemplate transactions, RoutingProperties routing, Clock clock, ReplyDeadline deadline) {
        this.deadline = deadline;
        this.messages = messages;
        this.router = router;
        this.agents = agents;
        this.models = models;
        this.commands = commands;
        this.properties = properties;
        this.meters = meters;
        this.memory = memory;
        this.transactions = transactions;
        this.routing = routing;
        this.clock = clock;
    }

    @Override
    public int maxMessageChars() {
        return properties.maxMessageChars();
    }

    @Override
    public Optional<Instant> lastHeardFrom(String userId) {
        return messages.lastHeardFrom(userId);
    }

    @Override
    public Optional<Channel> lastChannel(String userId) {
        return messages.lastChannel(userId);
    }

    @Override
    public String receive(InboundMessage message) {
        if (InboundMessage.lengthOf(message.text()) > properties.maxMessageChars()) {
            throw new MessageTooLongException(InboundMessage.lengthOf(message.text()), properties.maxMessageChars());
        }
        return messages.saveInbound(message);
    }

    @Override
    public Reply answer(String id, InboundMessage message) {
        Optional<MessageLog.Previous> previous = messages.previous(message.userId(), id);
        Routed routed;
        AtomicReference<RouteDecision> routedSoFar = new AtomicReference<>();
        try {
            // Routing (the classifier may call the cheap model) and answering share one deadline.
            routed = deadline.within(() -> {
                RouteDecision decision = router.route(new RouteRequest(message.userId(), id, message.text(),
                        previous.filter(p -> within(p, routing.followUpWindow())).map(MessageLog.Previous::route).orElse(null)));
                routedSoFar.set(decision);
                if (decision.route() == Route.COMMAND || !models.configured()) {
                    return new Routed(decision, null);
                }
                boolean hotThread = previous.filter(p -> p.route() == decision.route()
                        && within(p, ModelRequest.CACHE_LIFETIME)).isPresent();
                List<ChatTurn> history = messages.history(message.userId(), id, properties.historyTurns(),
                        clock.instant().minus(properties.historyWindow()));
                return new Routed(decision, agents.answer(new AgentRequest(message.userId(), id, decision.route(),
                        history, message.text(), hotThread)));
            });
        } catch (ModelUnavailableException e) {
            RouteDecision decision = routedSoFar.get() != null ? routedSoFar.get()
                    : new RouteDecision(Route.SIMPLE, "not routed in time: " + e.getMessage());
            messages.saveRoute(id, decision);
            return unanswered(id, message, decision, e);
        }
        RouteDecision decision = routed.decision();
        messages.saveRoute(id, decision);
        meters.counter("mnemo.messages", "channel", message.channel().id(), "route", decision.route().name()).increment();

        if (decision.route() == Route.COMMAND) {
            String text = commands.run(message.userId(), id, message.text());
            messages.saveReply(id, message, text, decision, null, null, BigDecimal.ZERO, true);
            return new Reply(id, text, decision.route(), null, BigDecimal.ZERO);
        }
        if (!models.configured()) {
            saveNotice(id, message, OFFLINE_NOTICE, decision);
            return new Reply(id, OFFLINE_NOTICE, decision.route(), null, BigDecimal.ZERO);
        }
        ModelReply answer = routed.answer();
        boolean stored = Boolean.TRUE.equals(transactions.execute(status -> {
            if (!messages.saveReply(id, message, answer.text(), decision, answer.model(), answer.usage(), answer.costUsd(), true)) {
                return false;
            }
            memory.enqueue(message.userId(), id, message.text(), answer.text());
            return true;
        }));
        if (!stored) { // its late answer was quicker: that one is the answer, this one is dropped
            return new Reply(id, UNREACHABLE_NOTICE, decision.route(), null, BigDecimal.ZERO);
        }
        return new Reply(id, answer.text(), decision.route(), answer.model(), answer.costUsd());
    }

    private Reply unanswered(String id, InboundMessage message, RouteDecision decision, ModelUnavailableException e) {
        log.warn("Message {} of user {} stays unanswered: {}", id, message.userId(), e.getMessage());
        meters.counter("mnemo.messages.unanswered").increment();
        saveNotice(id, message, UNREACHABLE_NOTICE, decision);
        return new Reply(id, UNREACHABLE_NOTICE, decision.route(), null, BigDecimal.ZERO);
    }

    private boolean within(MessageLog.Previous previous, Duration window) {
        return !previous.at().isBefore(clock.instant().minus(window));
    }

    /** A notice answers nothing, but what the person said is still worth remembering. */
    private void saveNotice(String id, InboundMessage message, String notice, RouteDecision decision) {
        transactions.executeWithoutResult(status -> {
            messages.saveReply(id, message, notice, decision, null, null, BigDecimal.ZERO, false);
            memory.enqueue(message.userId(), id, message.text(), null);
        });
    }
}
