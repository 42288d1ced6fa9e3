package dev.mnemo.reminder;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
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
            long amount = Long.parseLong(in.group(1));
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
        Optional<LocalTime> time = timeText.isEmpty() ? Optional.empty() : time(timeText);
        if (timeText.isEmpty() && parts[0].equals("tonight")) {
            time = Optional.of(LocalTime.of(20, 0));
        }
        if (!timeText.isEmpty() && time.isEmpty()) {
            return Optional.empty();
        }
        if (day.isPresent()) {
            ZonedDateTime at = day.get().atTime(time.orElse(DEFAULT_TIME)).atZone(now.getZone());
            if (!at.isAfter(now) && isWeekday(parts[0])) {
                at = at.plusWeeks(1); // "friday 9am" said on Friday at 10
            }
            return at.isAfter(now) ? Optional.of(at) : Optional.empty();
        }
        if (time.isPresent()) {
            ZonedDateTime at = now.toLocalDate().atTime(time.get()).atZone(now.getZone());
            return Optional.of(at.isAfter(now) ? at : at.plusDays(1));
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
            return Optional.of(LocalDate.parse(word));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static boolean isWeekday(String word) {
        return Arrays.stream(DayOfWeek.values()).map(d -> d.name().toLowerCase(Locale.ROOT))
                .anyMatch(name -> word.equals(name) || word.equals(name.substring(0, 3)));
    }

    private static Optional<LocalTime> time(String text) {
        switch (text) {
            case "noon", "midday", "at noon":
                return Optional.of(LocalTime.NOON);
            case "midnight", "at midnight":
                return Optional.of(LocalTime.of(23, 59));
            case "morning", "in the morning":
                return Optional.of(LocalTime.of(9, 0));
            case "afternoon", "in the afternoon":
                return Optional.of(LocalTime.of(15, 0));
            case "evening", "in the evening", "night":
                return Optional.of(LocalTime.of(19, 0));
            default:
                break;
        }
        Matcher m = CLOCK.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        String suffix = m.group(3);
        if (suffix == null && m.group(2) == null && !text.startsWith("at ")) {
            return Optional.empty(); // a bare number is not a time ("/remind 3 things")
        }
        if ("pm".equals(suffix) && hour < 12) {
            hour += 12;
        } else if ("am".equals(suffix) && hour == 12) {
            hour = 0;
        }
        if (hour > 23 || minute > 59 || ("am".equals(suffix) || "pm".equals(suffix)) && Integer.parseInt(m.group(1)) > 12) {
            return Optional.empty();
        }
        return Optional.of(LocalTime.of(hour, minute));
    }
}
