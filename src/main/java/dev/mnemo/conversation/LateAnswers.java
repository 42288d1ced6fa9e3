package dev.mnemo.conversation;

import dev.mnemo.cost.CostLedger;
import dev.mnemo.llm.ModelReply;
import dev.mnemo.routing.RouteDecision;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Answers later what got no answer — a crash mid-reply, every model failing, the reply deadline — once a model
 * answers again: oldest first, each exactly once (a claim in the database that another instance takes over only
 * after its lease ran out, and an answer stored only while the claim holds), marked "Earlier you asked: …", with
 * its memory job. Past {@code ASSISTANT_LATE_ANSWER_MAX_AGE} a person gets one notice listing what will not be
 * answered. Commands are never re-run.
 */
@Component
class LateAnswers {
    static final int BATCH = 20;
    /** At most this many batches a round, so one round ends even while messages keep arriving. */
    static final int MAX_BATCHES = 50;
    /** After this many failed answers in a row the model is taken to be down: the round ends. */
    static final int FAILURES_TO_STOP = 3;
    /** A message whose late answer failed is tried again after this. */
    static final Duration RETRY_AFTER = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(LateAnswers.class);

    private final MessageLog messages;
    private final RoutedAnswering answering;
    private final ReplyStore replies;
    private final ConversationProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CostLedger costs;
    /** Who heard this month that what waited will not be answered: once a person and month (per instance). */
    private final Set<String> budgetNoticeSent = ConcurrentHashMap.newKeySet();
    private final String owner = "instance-" + UUID.randomUUID();

    LateAnswers(MessageLog messages, RoutedAnswering answering, ReplyStore replies, ConversationProperties properties,
                ApplicationEventPublisher events, Clock clock, CostLedger costs) {
        this.messages = messages;
        this.answering = answering;
        this.replies = replies;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.costs = costs;
    }

    @Scheduled(fixedDelayString = "${assistant.conversation.late-answers.poll}",
            initialDelayString = "${assistant.conversation.late-answers.poll}")
    void poll() {
        if (properties.lateAnswers().background()) {
            answerWaiting();
        }
    }

    /**
     * One round: messages older than the reply deadline (so never one still being answered live) that have no
     * answer, batch after batch. One that fails waits {@link #RETRY_AFTER}; after {@link #FAILURES_TO_STOP} failures
     * in a row the round ends. Messages past the maximum age are expired, with one notice a person, only in a round
     * where the model answered.
     *
     * @return how many were answered
     */
    int answerWaiting() {
        if (!answering.modelsConfigured()) {
            return 0;
        }
        Instant now = clock.instant();
        Instant tooOldBefore = now.minus(properties.lateAnswers().maxAge());
        int answered = 0;
        int failuresInARow = 0;
        for (int batch = 0; batch < MAX_BATCHES && failuresInARow < FAILURES_TO_STOP; batch++) {
            List<MessageLog.Unanswered> waiting = messages.unanswered(tooOldBefore,
                    now.minus(answering.deadline()).minusSeconds(5), BATCH);
            if (waiting.isEmpty()) {
                break;
            }
            for (MessageLog.Unanswered message : waiting) {
                if (!messages.claim(message.id(), owner, clock.instant().plus(properties.lateAnswers().lease()))) {
                    continue;
                }
                try {
                    if (answer(message)) {
                        answered++;
                    }
                    failuresInARow = 0;
                } catch (RuntimeException e) {
                    // this one waits a while; the others go on, unless the model is plainly down
                    messages.postpone(message.id(), owner, clock.instant().plus(RETRY_AFTER));
                    failuresInARow++;
                    log.info("Late answer to message {} postponed: {}", message.id(), e.getMessage());
                    if (failuresInARow >= FAILURES_TO_STOP) {
                        break;
                    }
                }
            }
            if (waiting.size() < BATCH) {
                break;
            }
        }
        if (failuresInARow == 0) {
            expireOlderThan(tooOldBefore);
        }
        return answered;
    }

    /** Messages past the maximum age: each person hears once which of theirs will not be answered. */
    private void expireOlderThan(Instant before) {
        Map<String, List<MessageLog.Unanswered>> byUser = new LinkedHashMap<>();
        for (MessageLog.Unanswered message : messages.unanswered(Instant.EPOCH, before, BATCH * MAX_BATCHES)) {
            if (messages.claim(message.id(), owner, clock.instant().plus(properties.lateAnswers().lease()))
                    && messages.endClaim(message.id(), owner, MessageLog.EXPIRED) && !MessageLog.REDACTED.equals(message.text())) {
                byUser.computeIfAbsent(message.userId(), user -> new ArrayList<>()).add(message);
            }
        }
        byUser.forEach(this::tellWhatWillNotBeAnswered);
    }

    private boolean answer(MessageLog.Unanswered message) {
        InboundMessage inbound = new InboundMessage(message.userId(), message.channel(), message.text());
        if (message.text().strip().startsWith("/") || MessageLog.REDACTED.equals(message.text())) {
            // a command is never re-run (it was answered, or it is moot); a forgotten message is gone
            messages.endClaim(message.id(), owner, MessageLog.EXPIRED);
            return false;
        }
        if (!costs.mayRunInBackground(message.userId(), "LATE_ANSWER")) {
            // Nobody is waiting on the line: the month's budget is not spent on it. They can ask again (on the cheap model).
            messages.endClaim(message.id(), owner, MessageLog.EXPIRED);
            if (budgetNoticeSent.add(message.userId() + "|" + YearMonth.now(clock.withZone(ZoneOffset.UTC)))) {
                events.publishEvent(new MessageAnsweredLate(message.userId(), message.id(), "I couldn't answer \u201c"
                        + quote(message.text()) + "\u201d earlier, and this month's budget is spent, so I won't answer "
                        + "what waited. Ask me again if it still matters."));
            }
            return false;
        }
        // Routing and answering both inside the deadline, which is shorter than the claim's lease: the claim
        // cannot run out while this instance still works on it.
        RoutedAnswering.Outcome outcome = answering.answerLate(message.id(), inbound, message.at());
        if (!outcome.answered()) {
            throw outcome.failure();
        }
        RouteDecision decision = outcome.decision();
        ModelReply reply = outcome.answer();
        messages.saveRoute(message.id(), decision);
        if (reply == null) {
            messages.endClaim(message.id(), owner, MessageLog.EXPIRED); // routed as a command after all: not re-run
            return false;
        }
        String text = "Earlier you asked: \u201c" + quote(message.text()) + "\u201d\n\n" + reply.text();
        boolean stored = replies.saveLateAnswer(message.id(), owner, inbound, text, decision, reply);
        if (stored) {
            log.info("Answered message {} of user {} late", message.id(), message.userId());
            events.publishEvent(new MessageAnsweredLate(message.userId(), message.id(), text));
        }
        return stored;
    }

    private void tellWhatWillNotBeAnswered(String userId, List<MessageLog.Unanswered> old) {
        StringBuilder text = new StringBuilder("I couldn't answer ").append(old.size() == 1 ? "a message" : old.size() + " messages")
                .append(" from more than ").append(properties.lateAnswers().maxAge().toHours())
                .append(" hours ago, and won't now: ");
        for (int i = 0; i < Math.min(old.size(), 5); i++) {
            text.append(i == 0 ? "" : ", ").append('\u201c').append(quote(old.get(i).text())).append('\u201d');
        }
        if (old.size() > 5) {
            text.append(" and ").append(old.size() - 5).append(" more");
        }
        text.append(". Ask me again if it still matters.");
        MessageLog.Unanswered newest = old.getLast();
        events.publishEvent(new MessageAnsweredLate(userId, newest.id(), text.toString()));
    }

    private static String quote(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= 80 ? flat : flat.substring(0, 79) + "\u2026";
    }
}
