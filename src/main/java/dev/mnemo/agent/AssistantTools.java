package dev.mnemo.agent;

import static dev.mnemo.llm.ToolDefinition.Parameter.optional;
import static dev.mnemo.llm.ToolDefinition.Parameter.required;

import dev.mnemo.llm.ToolCall;
import dev.mnemo.llm.ToolDefinition;
import dev.mnemo.llm.ToolStep;
import dev.mnemo.memory.Memory;
import dev.mnemo.memory.MemoryControl;
import dev.mnemo.memory.MemoryIntake;
import dev.mnemo.memory.MemoryRecall;
import dev.mnemo.memory.WriteOutcome;
import dev.mnemo.reminder.Recurrence;
import dev.mnemo.reminder.Reminder;
import dev.mnemo.reminder.Reminders;
import dev.mnemo.user.UserSettings;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The tool agent's tools. Each answers in plain sentences the model can pass on; a bad argument is an error
 * result saying what was wrong, so the model can correct itself in the next round.
 */
@Component
class AssistantTools {
    private static final Logger log = LoggerFactory.getLogger(AssistantTools.class);
    private static final int LISTED = 10;
    private static final String FORGET_FOUND = "Found ";
    private static final String WHEN = "Local date and time in the person's time zone, YYYY-MM-DDTHH:MM";

    static final List<ToolDefinition> DEFINITIONS = List.of(
            new ToolDefinition("current_time", "The current date and time, in the person's time zone or another one.",
                    List.of(optional("time_zone", "IANA time zone id such as Asia/Tokyo; omit for the person's own"))),
            new ToolDefinition("set_reminder", "Reminds the person of something at a time, once or repeating.",
                    List.of(required("text", "What to remind them of, e.g. 'call mom'"),
                            required("when", WHEN),
                            new ToolDefinition.Parameter("repeat", "How it repeats; omit for once", false,
                                    List.of("none", "daily", "weekly", "monthly")))),
            new ToolDefinition("list_reminders", "The person's pending reminders with their ids, soonest first.", List.of()),
            new ToolDefinition("move_reminder", "Moves a pending reminder to another time.",
                    List.of(required("id", "The reminder's id from list_reminders"), required("when", WHEN))),
            new ToolDefinition("cancel_reminder", "Cancels a pending reminder.",
                    List.of(required("id", "The reminder's id from list_reminders"))),
            new ToolDefinition("search_memory", "Searches what you remember about the person.",
                    List.of(required("query", "Words to look for"))),
            new ToolDefinition("remember", "Saves a fact about the person in long-term memory.",
                    List.of(required("text", "The fact, as a short sentence about the person"))),
            new ToolDefinition("forget", "Finds memories to delete; they are deleted only when the person replies /forget yes.",
                    List.of(required("query", "Words describing what to forget"))));

    private final Reminders reminders;
    private final MemoryRecall recall;
    private final MemoryIntake intake;
    private final MemoryControl control;
    private final UserSettings settings;
    private final Clock clock;

    AssistantTools(Reminders reminders, MemoryRecall recall, MemoryIntake intake, MemoryControl control,
                   UserSettings settings, Clock clock) {
        this.reminders = reminders;
        this.recall = recall;
        this.intake = intake;
        this.control = control;
        this.settings = settings;
        this.clock = clock;
    }

    /** Tools whose success changes something the person should hear about even if the model cannot say it. */
    static final Set<String> ACTIONS = Set.of("set_reminder", "move_reminder", "cancel_reminder",
            "remember", "forget");

    ToolStep.Result run(String userId, String messageId, ToolCall call) {
        try {
            return new ToolStep.Result(call.id(), switch (call.name()) {
                case "current_time" -> currentTime(userId, call);
                case "set_reminder" -> setReminder(userId, messageId, call);
                case "list_reminders" -> listReminders(userId);
                case "move_reminder" -> moveReminder(userId, call);
                case "cancel_reminder" -> cancelReminder(userId, call);
                case "search_memory" -> searchMemory(userId, call);
                case "remember" -> remember(userId, messageId, call);
                case "forget" -> forget(userId, call);
                default -> throw new IllegalArgumentException("there is no tool called " + call.name());
            }, false);
        } catch (IllegalArgumentException | DateTimeException e) {
            return new ToolStep.Result(call.id(), "Error: " + e.getMessage(), true);
        } catch (RuntimeException e) {
            // A broken store must not cost the reply; the model hears that the tool failed, not why.
            log.error("Tool {} failed for user {}", call.name(), userId, e);
            return new ToolStep.Result(call.id(), "Error: the tool failed; tell the person it didn't work this time.", true);
        }
    }

    /**
     * What the person must see verbatim, whatever the model writes: the exact memories a {@code /forget yes}
     * would delete, with their ids. Empty for every other result.
     */
    static Optional<String> verbatimForThePerson(ToolCall call, ToolStep.Result result) {
        if (!call.name().equals("forget") || result.error() || !result.content().startsWith(FORGET_FOUND)) {
            return Optional.empty();
        }
        String listing = result.content().substring(result.content().indexOf('\n') + 1);
        return Optional.of("Reply /forget yes within 10 minutes to delete these for good:\n" + listing);
    }

    private String currentTime(String userId, ToolCall call) {
        ZoneId zone = call.argument("time_zone").map(AssistantTools::zone).orElseGet(() -> settings.timeZone(userId));
        return PromptContext.NOW.format(clock.instant().atZone(zone)) + " (" + zone.getId() + ")";
    }

    private String setReminder(String userId, String messageId, ToolCall call) {
        ZoneId zone = settings.timeZone(userId);
        Recurrence repeat = call.argument("repeat")
                .map(r -> Recurrence.valueOf(r.toUpperCase(Locale.ROOT).replace("ONCE", "NONE")))
                .orElse(Recurrence.NONE);
        Reminder reminder = reminders.schedule(userId, need(call, "text"), instant(need(call, "when"), zone), zone,
                repeat, messageId);
        return "Reminder set: " + describe(reminder);
    }

    private String listReminders(String userId) {
        List<Reminder> pending = reminders.pending(userId);
        if (pending.isEmpty()) {
            return "No pending reminders.";
        }
        return pending.stream().limit(LISTED).map(r -> "- [" + r.id() + "] " + describe(r))
                .collect(Collectors.joining("\n", "Pending reminders (" + pending.size() + "):\n",
                        pending.size() > LISTED ? "\n(and " + (pending.size() - LISTED) + " later ones)" : ""));
    }

    private String moveReminder(String userId, ToolCall call) {
        ZoneId zone = settings.timeZone(userId);
        return reminders.reschedule(userId, need(call, "id"), instant(need(call, "when"), zone))
                .map(r -> "Reminder moved: " + describe(r))
                .orElseThrow(() -> new IllegalArgumentException("no pending reminder has that id; call list_reminders"));
    }

    private String cancelReminder(String userId, ToolCall call) {
        return reminders.cancel(userId, need(call, "id"))
                .map(r -> "Reminder cancelled: " + r.text())
                .orElseThrow(() -> new IllegalArgumentException("no pending reminder has that id; call list_reminders"));
    }

    private String searchMemory(String userId, ToolCall call) {
        List<Memory> found = recall.search(userId, need(call, "query"), LISTED);
        return found.isEmpty() ? "Nothing remembered about that."
                : found.stream().map(m -> "- " + m.text()).collect(Collectors.joining("\n", "Remembered:\n", ""));
    }

    private String remember(String userId, String messageId, ToolCall call) {
        WriteOutcome outcome = intake.remember(userId, need(call, "text"), messageId);
        return switch (outcome.action()) {
            case ADDED -> "Saved: ";
            case MERGED -> "Already known, reinforced: ";
            case CORRECTED -> "Updated an earlier memory; now: ";
        } + outcome.memory().text();
    }

    private String forget(String userId, ToolCall call) {
        List<Memory> matches = control.requestForget(userId, need(call, "query"));
        if (matches.isEmpty()) {
            return "No memory matches that; nothing to forget.";
        }
        return matches.stream().map(m -> "- " + m.text() + " [" + m.id().substring(0, 13) + "]").collect(Collectors.joining("\n",
                FORGET_FOUND + matches.size() + " memories to delete. NOT deleted yet: the person must reply /forget yes "
                        + "within 10 minutes (they are shown this list).\n", ""));
    }

    private static String describe(Reminder r) {
        String when = PromptContext.NOW.format(r.dueAt().atZone(r.timeZone())) + " (" + r.timeZone().getId() + ")";
        return "'" + r.text() + "' on " + when + (r.recurrence() == Recurrence.NONE ? "" : ", repeating " + r.recurrence().name().toLowerCase(Locale.ROOT));
    }

    private static String need(ToolCall call, String name) {
        return call.argument(name).orElseThrow(() -> new IllegalArgumentException("missing argument '" + name + "'"));
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + id + "' is not an IANA time zone id such as Europe/Lisbon");
        }
    }

    /** A local time in the person's zone; an explicit offset, if the model wrote one, wins. */
    static Instant instant(String when, ZoneId zone) {
        String text = when.strip().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + when + "' is not a local date and time like 2026-03-14T18:00");
            }
        }
    }
}
