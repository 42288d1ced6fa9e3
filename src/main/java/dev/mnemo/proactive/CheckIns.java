package dev.mnemo.proactive;

import dev.mnemo.channel.AllowedSenders;
import dev.mnemo.channel.MessageKind;
import dev.mnemo.channel.ReplySender;
import dev.mnemo.memory.Memory;
import dev.mnemo.memory.MemoryKind;
import dev.mnemo.memory.MemoryRecall;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Mnemo writes first, now and then: about a plan or an event the person mentioned recently and has not been
 * asked about, outside quiet hours (their time zone), at most N a day, and never while they are talking
 * anyway. Nothing to ask about means no message: no empty "how are you?". Each check-in is a row whose key
 * (person, local day, number) makes two instances or a restart unable to send more than the day allows.
 */
@Component
public class CheckIns {
    private static final Logger log = LoggerFactory.getLogger(CheckIns.class);
    private static final int SCANNED_MEMORIES = 50;

    private final AllowedSenders senders;
    private final CheckInTiming timing;
    private final MemoryRecall memories;
    private final CheckInLog sent;
    private final CheckInWriter writer;
    private final ReplySender replies;
    private final ProactiveProperties properties;

    CheckIns(AllowedSenders senders, CheckInTiming timing, MemoryRecall memories, CheckInLog sent,
             CheckInWriter writer, ReplySender replies, ProactiveProperties properties) {
        this.senders = senders;
        this.timing = timing;
        this.memories = memories;
        this.sent = sent;
        this.writer = writer;
        this.replies = replies;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${assistant.proactive.check-ins.poll}", initialDelayString = "${assistant.proactive.check-ins.poll}")
    @SchedulerLock(name = "check-ins", lockAtMostFor = "PT1M")
    public void poll() {
        if (properties.background()) {
            runDue();
        }
    }

    /** Sends the check-ins due now; returns how many. */
    public int runDue() {
        ProactiveProperties.CheckIns config = properties.checkIns();
        if (!config.enabled() || config.perDay() == 0) {
            return 0;
        }
        int sent = 0;
        for (String user : senders.users()) {
            try {
                sent += checkIn(user, config) ? 1 : 0;
            } catch (RuntimeException e) {
                log.error("Check-in for user {} failed", user, e);
            }
        }
        return sent;
    }

    private boolean checkIn(String user, ProactiveProperties.CheckIns config) {
        Optional<ZonedDateTime> open = timing.openNow(user, config);
        if (open.isEmpty()) {
            return false;
        }
        ZonedDateTime local = open.get();
        Instant now = local.toInstant();
        String day = local.toLocalDate().toString();
        int today = sent.sentOn(user, day);
        Instant lastSent = sent.lastSent(user);
        if (today >= config.perDay() || lastSent.isAfter(now.minus(config.minGap())) || timing.lastOneUnanswered(user, lastSent)) {
            return false;
        }
        Optional<Memory> topic = topic(user, now.minus(config.memoriesFrom()));
        if (topic.isEmpty() || !timing.withinBudget(user) || !sent.take(user, day, today + 1, topic.get().id(), now)) {
            return false;
        }
        replies.send(user, writer.text(user, topic.get()), MessageKind.CHECK_IN);
        return true;
    }

    /** The most recent plan or event not asked about yet. */
    private Optional<Memory> topic(String user, Instant since) {
        Set<String> asked = sent.askedAbout(user);
        List<Memory> recent = memories.list(user, SCANNED_MEMORIES);
        return recent.stream()
                .filter(m -> m.kind() == MemoryKind.PLAN || m.kind() == MemoryKind.EVENT)
                .filter(m -> m.updatedAt().isAfter(since) && !asked.contains(m.id()))
                .findFirst();
    }
}
