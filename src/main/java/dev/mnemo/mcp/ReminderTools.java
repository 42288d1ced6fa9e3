package dev.mnemo.mcp;

import dev.mnemo.reminder.Recurrence;
import dev.mnemo.reminder.Reminder;
import dev.mnemo.reminder.Reminders;
import dev.mnemo.user.UserSettings;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** The reminder tools: the person's upcoming reminders, and a new one delivered like one set in chat. */
class ReminderTools {
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

    List<SyncToolSpecification> all(ToolCalls calls) {
        return List.of(
                calls.tool("list_reminders", "The person's upcoming reminders, soonest first (at most 50).", """
                        {"type": "object", "properties": {%s}}""".formatted(ToolCalls.USER_ID),
                        (user, args) -> new Upcoming(reminders.pending(user, LIST).stream().map(ReminderView::of).toList())),
                calls.tool("set_reminder", "Remind the person of something at a time, on their usual channel"
                        + " (SMS, Discord or the web), once or repeating. A time without an offset is the person's local"
                        + " time.", """
                        {"type": "object", "properties": {
                          "text": {"type": "string", "minLength": 1, "maxLength": %d},
                          "at": {"type": "string", "description": "ISO-8601: 2026-12-24T18:00 (their local time) or 2026-12-24T18:00:00+01:00"},
                          "repeat": {"type": "string", "enum": ["none", "daily", "weekly", "monthly"]},
                          %s}, "required": ["text", "at"]}""".formatted(Reminders.MAX_TEXT, ToolCalls.USER_ID), this::set));
    }

    private Object set(String user, ToolArguments args) {
        String text = args.text("text", Reminders.MAX_TEXT);
        ZoneId zone = settings.timeZone(user);
        String at = args.text("at", 40);
        Instant due;
        try {
            // "2026-12-24 18:00" as well as "2026-12-24T18:00"; with an offset (or Z) it is that instant.
            String iso = at.replace(' ', 'T');
            due = iso.matches(".*([+-]\\d{2}:\\d{2}|Z)$") ? OffsetDateTime.parse(iso).toInstant()
                    : LocalDateTime.parse(iso).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new ToolArguments.Invalid("at must be an ISO-8601 date and time like 2026-12-24T18:00");
        }
        int year = due.atZone(zone).getYear();
        if (year < 2000 || year > 9999) {
            throw new ToolArguments.Invalid("at must be between the years 2000 and 9999");
        }
        String repeat = args.choice("repeat", List.of("none", "daily", "weekly", "monthly"));
        Recurrence recurrence = repeat == null ? Recurrence.NONE : Recurrence.valueOf(repeat.toUpperCase(Locale.ROOT));
        return ReminderView.of(reminders.schedule(user, text, due, zone, recurrence, null));
    }
}
