package dev.mnemo.conversation;

import dev.mnemo.reminder.Recurrence;
import dev.mnemo.reminder.Reminder;
import dev.mnemo.reminder.ReminderTimes;
import dev.mnemo.reminder.Reminders;
import dev.mnemo.user.UserSettings;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** {@code /remind} and {@code /reminders}, in the person's time zone. */
@Component
class ReminderCommands {
    private final Reminders reminders;
    private final UserSettings settings;
    private final Clock clock;

    ReminderCommands(Reminders reminders, UserSettings settings, Clock clock) {
        this.reminders = reminders;
        this.settings = settings;
        this.clock = clock;
    }

    String remind(String userId, String messageId, String argument) {
        ZoneId zone = settings.timeZone(userId);
        Optional<ReminderTimes.Parsed> parsed = ReminderTimes.parsePrefix(argument, clock.instant().atZone(zone));
        if (parsed.isEmpty() || parsed.get().rest().isBlank()) {
            return "When, and what? e.g. /remind tomorrow 9am call the dentist, /remind in 2 hours take the pills, "
                    + "/remind friday 18:30 dinner with Ana.";
        }
        try {
            Reminder reminder = reminders.schedule(userId, parsed.get().rest(), parsed.get().when().toInstant(), zone,
                    Recurrence.NONE, messageId);
            return "I'll remind you: " + reminder.text() + ", " + ChatCommands.WHEN.format(reminder.dueAt().atZone(zone)) + " (" + zone.getId() + ").";
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            return "I can't set that reminder: " + e.getMessage() + ".";
        }
    }

    String reminders(String userId) {
        List<Reminder> pending = reminders.pending(userId);
        if (pending.isEmpty()) {
            return "No reminders pending. Ask me in words, e.g. \"remind me to call Ana tomorrow at 6pm\".";
        }
        return pending.stream().map(r -> "- " + r.text() + ": " + ChatCommands.WHEN.format(r.dueAt().atZone(r.timeZone()))
                        + (r.recurrence() == Recurrence.NONE ? "" : ", " + r.recurrence().name().toLowerCase(Locale.ROOT)))
                .collect(Collectors.joining("\n", "Pending reminders:\n", ""));
    }
}
