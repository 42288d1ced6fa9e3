package dev.mnemo.reminder;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times as people text them, for {@code /remind}: "tomorrow 9am", "in 2 hours", "friday at 18:30", "tonight",
 * "2026-12-24 10:00". A day without a time means 9:00; a time without a day means its next occurrence.
 */
public final class ReminderTimes {
    private static final Pattern IN = Pattern.compile("in (\\d{1,4}) ?(m|min|mins|minutes?|h|hrs?|hours?|d|days?|w|weeks?)");
    private static final Pattern CLOCK = Pattern.compile("(?:at )?(\\d{1,2})(?::(\\d{2}))? ?(am|pm|h)?");
    private static final LocalTime DEFAULT_TIME = LocalTime.of(9, 0);
    private static final int MAX_YEARS_AHEAD = 10;

    /** A parsed time and the text after it. */
    public record Parsed(ZonedDateTime when, String rest) {
    }

    private ReminderTimes() {
    }

    /**
     * The longest beginning of {@code text} that is a time (at most five words), and what follows it.
     * Empty when the text does not start with a time.
     */
    public static Optional<Parsed> parsePrefix(String text, ZonedDateTime now) {
        String[] words = text.strip().split("\\s+");
        for (int n = Math.min(5, words.length); n >= 1; n--) {
            String head = String.join(" ", Arrays.copyOfRange(words, 0, n));
            Optional<ZonedDateTime> when = parse(head, now);
            if (when.isPresent()) {
                String rest = String.join(" ", Arrays.copyOfRange(words, n, words.length)).replaceFirst("(?i)^(to|that|:)\\s+", "");
                return Optional.of(new Parsed(when.get(), rest));
            }
        }
        return Optional.empty();
    }

    /** The time these words mean, after {@code now}, in now's zone; empty when they are not a time. */
    public static Optional<ZonedDateTime> parse(String words, ZonedDateTime now) {
        String text = words.strip().toLowerCase(Locale.ROOT).replace(",", "");
        Matcher in = IN.matcher(text);
        if (in.matches()) {
            long amount = Long.parseLong(in.group(1)); // at most 4 digits: no overflow
            ChronoUnit unit = switch (in.group(2).charAt(0)) {
                case 'm' -> ChronoUnit.MINUTES;
                case 'h' -> ChronoUnit.HOURS;
                case 'd' -> ChronoUnit.DAYS;
                default -> ChronoUnit.WEEKS;
            };
            return Optional.of(now.plus(amount, unit).truncatedTo(ChronoUnit.MINUTES));
        }
        String[] parts = text.split(" ", 2);
        Optional<LocalDate> day = day(parts[0], now);
        String timeText = day.isPresent() ? (parts.length > 1 ? parts[1] : "") : text;
        boolean evening = parts[0].equals("tonight");
        List<LocalTime> times = timeText.isEmpty() ? List.of() : times(timeText, evening);
        if (timeText.isEmpty() && evening) {
            times = List.of(LocalTime.of(20, 0));
        }
        if (!timeText.isEmpty() && times.isEmpty()) {
            return Optional.empty();
        }
        if (day.isPresent()) {
            List<LocalTime> candidates = times.isEmpty() ? List.of(DEFAULT_TIME) : times;
            for (int weeks = 0; weeks <= (isWeekday(parts[0]) ? 1 : 0); weeks++) {
                // "friday 9am" said on Friday at 10 is next Friday; "today at 9" said at 10 is 21:00.
                for (LocalTime time : candidates) {
                    ZonedDateTime at = day.get().plusWeeks(weeks).atTime(time).atZone(now.getZone());
                    if (at.isAfter(now)) {
                        return Optional.of(at);
                    }
                }
            }
            return Optional.empty();
        }
        for (int days = 0; days <= 1; days++) {
            for (LocalTime time : times) {
                ZonedDateTime at = now.toLocalDate().plusDays(days).atTime(time).atZone(now.getZone());
                if (at.isAfter(now)) {
                    return Optional.of(at);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> day(String word, ZonedDateTime now) {
        LocalDate today = now.toLocalDate();
        switch (word) {
            case "today", "tonight":
                return Optional.of(today);
            case "tomorrow", "tmrw", "tmr", "tomorow":
                return Optional.of(today.plusDays(1));
            default:
                break;
        }
        for (DayOfWeek d : DayOfWeek.values()) {
            String name = d.name().toLowerCase(Locale.ROOT);
            if (word.equals(name) || word.equals(name.substring(0, 3))) {
                return Optional.of(today.with(TemporalAdjusters.nextOrSame(d)));
            }
        }
        try {
            LocalDate date = LocalDate.parse(word);
            // Beyond this, a date is a typo, not a plan (and far years overflow).
            return date.isAfter(today.plusYears(MAX_YEARS_AHEAD)) ? Optional.empty() : Optional.of(date);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static boolean isWeekday(String word) {
        return Arrays.stream(DayOfWeek.values()).map(d -> d.name().toLowerCase(Locale.ROOT))
                .anyMatch(name -> word.equals(name) || word.equals(name.substring(0, 3)));
    }

    /**
     * The times these words may mean, earliest first: "9" or "at 9:30" without am/pm is either in the morning
     * or the evening (the evening only, after "tonight"); "18:30" or "9pm" is one time.
     */
    private static List<LocalTime> times(String text, boolean evening) {
        switch (text) {
            case "noon", "midday", "at noon":
                return List.of(LocalTime.NOON);
            case "midnight", "at midnight":
                return List.of(LocalTime.of(23, 59));
            case "morning", "in the morning":
                return List.of(LocalTime.of(9, 0));
            case "afternoon", "in the afternoon":
                return List.of(LocalTime.of(15, 0));
            case "evening", "in the evening", "night":
                return List.of(LocalTime.of(19, 0));
            default:
                break;
        }
        Matcher m = CLOCK.matcher(text);
        if (!m.matches()) {
            return List.of();
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        String suffix = m.group(3);
        if (suffix == null && m.group(2) == null && !text.startsWith("at ")) {
            return List.of(); // a bare number is not a time ("/remind 3 things")
        }
        boolean twelveHour = "am".equals(suffix) || "pm".equals(suffix);
        if (hour > 23 || minute > 59 || twelveHour && (hour == 0 || hour > 12)) {
            return List.of();
        }
        if ("pm".equals(suffix) && hour < 12) {
            return List.of(LocalTime.of(hour + 12, minute));
        }
        if ("am".equals(suffix)) {
            return List.of(LocalTime.of(hour == 12 ? 0 : hour, minute));
        }
        if (suffix == null && hour >= 1 && hour <= 12 && text.indexOf(':') < 0 || suffix == null && hour >= 1 && hour < 12 && evening) {
            // "at 9": 9:00 or 21:00, whichever comes first; "tonight at 9": 21:00.
            LocalTime morning = LocalTime.of(hour % 12, minute);
            LocalTime later = LocalTime.of(hour % 12 + 12, minute);
            return evening ? List.of(later) : List.of(morning, later);
        }
        return List.of(LocalTime.of(hour, minute));
    }
}
