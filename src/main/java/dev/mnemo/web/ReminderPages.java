package dev.mnemo.web;

import dev.mnemo.reminder.Recurrence;
import dev.mnemo.reminder.Reminders;
import dev.mnemo.security.Caller;
import dev.mnemo.user.UserSettings;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /reminders}: upcoming reminders (move, cancel) and past ones with how their delivery went; a new one set
 * here is delivered like one set in chat. Times are the person's local time.
 */
@Controller
class ReminderPages {
    static final int PAST = 50;
    static final int UPCOMING = 200;

    private final Reminders reminders;
    private final UserSettings settings;
    private final PageDates dates;

    ReminderPages(Reminders reminders, UserSettings settings, PageDates dates) {
        this.reminders = reminders;
        this.settings = settings;
        this.dates = dates;
    }

    @GetMapping("/reminders")
    String list(@AuthenticationPrincipal Caller caller, Model model) {
        String user = caller.user(null);
        ZoneId zone = settings.timeZone(user);
        model.addAttribute("zone", zone);
        model.addAttribute("upcoming", reminders.pending(user, UPCOMING));
        model.addAttribute("past", reminders.past(user, PAST));
        model.addAttribute("recurrences", Recurrence.values());
        model.addAttribute("suggested", dates.input(dates.now(zone).plusHours(1).withMinute(0).toInstant(), zone));
        return "reminders";
    }

    @PostMapping("/reminders")
    String create(@AuthenticationPrincipal Caller caller, @RequestParam String text, @RequestParam String dueAt,
                  @RequestParam(defaultValue = "NONE") String recurrence, RedirectAttributes flash) {
        String user = caller.user(null);
        ZoneId zone = settings.timeZone(user);
        String clean = MemoryPages.bounded(text, Reminders.MAX_TEXT, "the reminder");
        if (clean == null) {
            throw new IllegalArgumentException("say what to remind you of");
        }
        reminders.schedule(user, clean, local(dueAt, zone), zone,
                MemoryPages.parse(Recurrence.class, recurrence, "recurrence"), null);
        flash.addFlashAttribute("notice", "I'll remind you: " + clean);
        return "redirect:/reminders";
    }

    @PostMapping("/reminders/{id}/move")
    String move(@AuthenticationPrincipal Caller caller, @PathVariable String id, @RequestParam String dueAt,
                RedirectAttributes flash) {
        String user = caller.user(null);
        reminders.reschedule(user, id, local(dueAt, settings.timeZone(user))).orElseThrow(ReminderPages::notFound);
        flash.addFlashAttribute("notice", "Moved.");
        return "redirect:/reminders";
    }

    @PostMapping("/reminders/{id}/cancel")
    String cancel(@AuthenticationPrincipal Caller caller, @PathVariable String id, RedirectAttributes flash) {
        reminders.cancel(caller.user(null), id).orElseThrow(ReminderPages::notFound);
        flash.addFlashAttribute("notice", "Cancelled.");
        return "redirect:/reminders";
    }

    private static Instant local(String value, ZoneId zone) {
        LocalDateTime time;
        try {
            time = LocalDateTime.parse(value.strip());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("the time must be a date and time like 2026-12-24T18:00");
        }
        if (time.getYear() < 2000 || time.getYear() > 9999) {
            throw new IllegalArgumentException("the year must be between 2000 and 9999");
        }
        return time.atZone(zone).toInstant();
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no such upcoming reminder");
    }
}
