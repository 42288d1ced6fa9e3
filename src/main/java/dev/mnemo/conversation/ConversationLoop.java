package dev.mnemo.conversation;

import dev.mnemo.llm.ModelReply;
import dev.mnemo.routing.Route;
import dev.mnemo.routing.RouteDecision;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

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
    private final RoutedAnswering answering;
    private final ChatCommands commands;
    private final ReplyStore replies;
    private final ConversationProperties properties;
    private final ApplicationEventPublisher events;

    ConversationLoop(MessageLog messages, RoutedAnswering answering, ChatCommands commands, ReplyStore replies,
                     ConversationProperties properties, ApplicationEventPublisher events) {
        this.messages = messages;
        this.answering = answering;
        this.commands = commands;
        this.replies = replies;
        this.properties = properties;
        this.events = events;
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
    public List<TranscriptLine> transcript(String userId, String beforeId, int limit) {
        return messages.transcript(userId, beforeId, limit);
    }

    @Override
    public List<TranscriptLine> transcriptAfter(String userId, String afterId, int limit) {
        return messages.transcriptAfter(userId, afterId, limit);
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
        RoutedAnswering.Outcome outcome = answering.answerNow(id, message);
        RouteDecision decision = outcome.decision();
        messages.saveRoute(id, decision);
        events.publishEvent(new MessageAnswered(message.userId(), id, message.channel(), decision.route(),
                !outcome.answered()));
        if (!outcome.answered()) {
            log.warn("Message {} of user {} stays unanswered: {}", id, message.userId(), outcome.failure().getMessage());
            replies.saveNotice(id, message, UNREACHABLE_NOTICE, decision);
            return new Reply(id, UNREACHABLE_NOTICE, decision.route(), null, BigDecimal.ZERO);
        }
        if (decision.route() == Route.COMMAND) {
            String text = commands.run(message.userId(), id, message.text());
            replies.saveCommandReply(id, message, text, decision);
            return new Reply(id, text, decision.route(), null, BigDecimal.ZERO);
        }
        if (!answering.modelsConfigured()) {
            replies.saveNotice(id, message, OFFLINE_NOTICE, decision);
            return new Reply(id, OFFLINE_NOTICE, decision.route(), null, BigDecimal.ZERO);
        }
        ModelReply answer = outcome.answer();
        if (!replies.saveAnswer(id, message, decision, answer)) {
            // its late answer was quicker: that one is the answer, this one is dropped
            return new Reply(id, UNREACHABLE_NOTICE, decision.route(), null, BigDecimal.ZERO);
        }
        return new Reply(id, answer.text(), decision.route(), answer.model(), answer.costUsd());
    }
}
