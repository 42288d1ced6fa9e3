package dev.mnemo.proactive;

import dev.mnemo.channel.AllowedSenders;
import dev.mnemo.channel.MessageKind;
import dev.mnemo.channel.ReplySender;
import dev.mnemo.conversation.Conversation;
import dev.mnemo.llm.ChatTurn;
import dev.mnemo.llm.LanguageModels;
import dev.mnemo.llm.ModelRequest;
import dev.mnemo.llm.ModelTier;
import dev.mnemo.llm.ModelUnavailableException;
import dev.mnemo.llm.Prompts;
import dev.mnemo.memory.Memory;
import dev.mnemo.memory.MemoryKind;
import dev.mnemo.memory.MemoryRecall;
import dev.mnemo.user.UserSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private static final int MAX_TOKENS = 80;

    private final AllowedSenders senders;
    private final UserSettings settings;
    private final Conversation conversation;
    private final MemoryRecall memories;
    private final ReplySender replies;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ProactiveProperties properties;
    private final LanguageModels models;
    private final Prompts prompts;

    CheckIns(AllowedSenders senders, UserSettings settings, Conversation conversation, MemoryRecall memories,
             ReplySender replies, JdbcClient jdbc, Clock clock, ProactiveProperties properties, LanguageModels models,
             Prompts prompts) {
        this.models = models;
        this.prompts = prompts;
        this.senders = senders;
        this.settings = settings;
        this.conversation = conversation;
        this.memories = memories;
        this.replies = replies;
        this.jdbc = jdbc;
        this.clock = clock;
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
        Instant now = clock.instant();
        ZonedDateTime local = now.atZone(settings.timeZone(user));
        if (config.quiet(local.toLocalTime())) {
            return false;
        }
        if (conversation.lastHeardFrom(user).filter(at -> at.isAfter(now.minus(config.skipIfSpokeWithin()))).isPresent()) {
            return false;
        }
        String day = local.toLocalDate().toString();
        int today = jdbc.sql("SELECT COUNT(*) FROM checkins WHERE user_id = ? AND local_date = ?").params(user, day)
                .query(Integer.class).single();
        if (today >= config.perDay()) {
            return false;
        }
        long last = jdbc.sql("SELECT COALESCE(MAX(sent_at), 0) FROM checkins WHERE user_id = ?").param(user).query(Long.class).single();
        if (Instant.ofEpochMilli(last).isAfter(now.minus(config.minGap()))) {
            return false;
        }
        Optional<Memory> topic = topic(user, now.minus(config.memoriesFrom()));
        if (topic.isEmpty()) {
            return false;
        }
        try {
            jdbc.sql("INSERT INTO checkins (user_id, local_date, seq, memory_id, sent_at) VALUES (?, ?, ?, ?, ?)")
                    .params(user, day, today + 1, topic.get().id(), now.toEpochMilli()).update();
        } catch (DuplicateKeyException e) {
            return false; // another instance took this one
        }
        replies.send(user, text(user, topic.get()), MessageKind.CHECK_IN);
        return true;
    }

    /** The most recent plan or event not asked about yet. */
    private Optional<Memory> topic(String user, Instant since) {
        Set<String> asked = new HashSet<>(jdbc.sql("SELECT memory_id FROM checkins WHERE user_id = ? AND memory_id IS NOT NULL")
                .param(user).query(String.class).list());
        List<Memory> recent = memories.list(user, SCANNED_MEMORIES);
        return recent.stream()
                .filter(m -> m.kind() == MemoryKind.PLAN || m.kind() == MemoryKind.EVENT)
                .filter(m -> m.updatedAt().isAfter(since) && !asked.contains(m.id()))
                .findFirst();
    }

    /** Written by the cheap model from the memory when one is configured; a plain template otherwise. */
    private String text(String user, Memory memory) {
        if (models.configured()) {
            try {
                String written = models.chat(new ModelRequest(user, null, "CHECK_IN", ModelTier.CHEAP,
                        prompts.render("check-in", Map.of()), List.of(ChatTurn.user(memory.text())), List.of(), List.of(),
                        MAX_TOKENS, false)).text();
                if (!written.isBlank()) {
                    return written;
                }
            } catch (ModelUnavailableException e) {
                log.warn("Check-in for user {} written without a model: {}", user, e.getMessage());
            }
        }
        return template(memory);
    }

    static String template(Memory memory) {
        return "Hi! A while ago you told me about this: \"" + memory.text().strip() + "\" How is it going?";
    }
}
