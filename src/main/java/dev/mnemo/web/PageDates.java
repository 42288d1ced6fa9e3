package dev.mnemo.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Times as the pages show them, in the person's time zone: {@code Sat 14 Mar 2026, 18:05} and, beside it, how long
 * ago ("3 weeks ago"). Used from the templates as {@code @pageDates}.
 */
@Component("pageDates")
public class PageDates {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private final Clock clock;

    PageDates(Clock clock) {
        this.clock = clock;
    }

    public String at(Instant instant, ZoneId zone) {
        return instant == null ? "" : AT.format(instant.atZone(zone));
    }

    /** For a {@code datetime-local} input's value. */
    public String input(Instant instant, ZoneId zone) {
        return instant == null ? "" : INPUT.format(instant.atZone(zone));
    }

    /** For a {@code <time datetime>} attribute. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    public String ago(Instant instant) {
        if (instant == null) {
            return "";
        }
        Duration d = Duration.between(instant, clock.instant());
        boolean future = d.isNegative();
        d = d.abs();
        String amount;
        if (d.toMinutes() < 1) {
            return "just now";
        } else if (d.toHours() < 1) {
            amount = plural(d.toMinutes(), "minute");
        } else if (d.toDays() < 1) {
            amount = plural(d.toHours(), "hour");
        } else if (d.toDays() < 14) {
            amount = plural(d.toDays(), "day");
        } else if (d.toDays() < 60) {
            amount = plural(d.toDays() / 7, "week");
        } else if (d.toDays() < 730) {
            amount = plural(d.toDays() / 30, "month");
        } else {
            amount = plural(d.toDays() / 365, "year");
        }
        return future ? "in " + amount : amount + " ago";
    }

    /** Now, in the zone: what a new reminder's time input starts from. */
    public ZonedDateTime now(ZoneId zone) {
        return clock.instant().atZone(zone);
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
