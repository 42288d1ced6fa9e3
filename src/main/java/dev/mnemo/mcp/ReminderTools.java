package dev.mnemo.mcp;

import dev.mnemo.reminder.Recurrence;
import dev.mnemo.reminder.Reminder;
import dev.mnemo.reminder.Reminders;
import dev.mnemo.user.UserSettings;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** The reminder tools: the person's upcoming reminders, and a new one delivered like one set in chat. */
@Component
class ReminderTools {
    private static final String USER = """
            "userId": {"type": "string", "description": "Only with the admin token: whose reminders. A person's token acts for its person."}""";
    static final int LIST = 50;

    private final Reminders reminders;
    private final UserSettings settings;

    ReminderTools(Reminders reminders, UserSettings settings) {
        this.reminders = reminders;
        this.settings = settings;
    }

    record ReminderView(String id, String text, Instant dueAt, String localTime, String recurrence, String status) {
        static ReminderView of(Reminder r) {
            return new ReminderView(r.id(), r.text(), r.dueAt(), r.dueAt().atZone(r.timeZone()).toLocalDateTime().toString()
                    + " " + r.timeZone(), r.recurrence().name().toLowerCase(Locale.ROOT), r.status().name().toLowerCase(Locale.ROOT));
        }
    }

    record Upcoming(List<ReminderView> reminders) {
    }

    List<SyncToolSpecification> all(ToolCalls calls, McpJsonMapper json) {
        return List.of(
                calls.tool(json, "list_reminders", "The person's upcoming reminders, soonest first (at most 50).", """
                        {"type": "object", "properties": {%s}}""".formatted(USER),
                        (user, args) -> new Upcoming(reminders.pending(user, LIST).stream().map(ReminderView::of).toList())),
                calls.tool(json, "set_reminder", "Remind the person of something at a time, on their usual channel"
                        + " (SMS, Discord or the web), once or repeating. A time without an offset is the person's local"
                        + " time.", """
                        {"type": "object", "properties": {
                          "text": {"type": "string", "minLength": 1, "maxLength": 500},
                          "at": {"type": "string", "description": "ISO-8601: 2026-12-24T18:00 (their local time) or 2026-12-24T18:00:00+01:00"},
                          "repeat": {"type": "string", "enum": ["none", "daily", "weekly", "monthly"]},
                          %s}, "required": ["text", "at"]}""".formatted(USER), this::set));
    }

    private Object set(String user, ToolArguments args) {
        String text = args.text("text", Reminders.MAX_TEXT);
        ZoneId zone = settings.timeZone(user);
        String at = args.text("at", 40);
        Instant due;
        try {
            due = at.matches(".*([+-]\\d{2}:\\d{2}|Z)$") ? OffsetDateTime.parse(at).toInstant()
                    : LocalDateTime.parse(at).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new ToolArguments.Invalid("at must be an ISO-8601 date and time like 2026-12-24T18:00");
        }
        int year = due.atZone(zone).getYear();
        if (year < 2000 || year > 9999) {
            throw new ToolArguments.Invalid("at must be between the years 2000 and 9999");
        }
        String repeat = args.optionalText("repeat", 10);
        Recurrence recurrence;
        try {
            recurrence = repeat == null ? Recurrence.NONE : Recurrence.valueOf(repeat.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ToolArguments.Invalid("repeat is none, daily, weekly or monthly");
        }
        return ReminderView.of(reminders.schedule(user, text, due, zone, recurrence, null));
    }
}
