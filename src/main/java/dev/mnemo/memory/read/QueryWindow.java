package dev.mnemo.memory.read;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stretch of past time a message asks about — "yesterday", "last weekend", "last week", "in March", "in May 2023",
 * "in 2023", "two weeks ago" — resolved in the person's time zone, so memories said then can be preferred. Only the
 * past: a memory is said before the time it is about, so "next month" names no time anything was said in.
 *
 * @param from the first instant of the stretch
 * @param to   the instant after it
 */
public record QueryWindow(Instant from, Instant to) {
    /** People tell what happened a little after it happened: said this long after the window still counts. */
    static final Duration TOLD_AFTER = Duration.ofDays(7);
    private static final String MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
            + "|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec";
    private static final Pattern DAY = Pattern.compile("\\b(yesterday|today|tonight|this morning|last night)\\b");
    private static final Pattern SPAN = Pattern.compile("\\b(last|this) (weekend|week|month|year)\\b");
    private static final Pattern AGO = Pattern.compile(
            "\\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|a couple of|\\d{1,2}) (day|week|month|year)s? ago\\b");
    private static final Pattern MONTH = Pattern.compile("\\b(?:in|during|of|since) (?:early |late |mid-?)?(" + MONTHS
            + ")\\b(?:,? (\\d{4}))?|\\b(" + MONTHS + ") (\\d{4})\\b");
    private static final Pattern YEAR = Pattern.compile("\\b(?:in|during) (\\d{4})\\b");
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("a", 1), Map.entry("an", 1),
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
            Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("a few", 3), Map.entry("a couple of", 2));

    /** The stretch the query names, or empty when it names none (or only a future one). */
    public static Optional<QueryWindow> in(String query, ZonedDateTime now) {
        String q = query.toLowerCase(Locale.ROOT);
        LocalDate today = now.toLocalDate();
        Matcher m = DAY.matcher(q);
        if (m.find()) {
            return switch (m.group(1)) {
                case "yesterday" -> days(now, today.minusDays(1), 1);
                case "last night" -> days(now, today.minusDays(1), 2);
                default -> days(now, today, 1);
            };
        }
        m = AGO.matcher(q);
        if (m.find()) {
            int n = m.group(1).matches("\\d+") ? Integer.parseInt(m.group(1)) : NUMBERS.get(m.group(1));
            return switch (m.group(2)) {
                case "day" -> days(now, today.minusDays(n), 1);
                case "week" -> days(now, today.minusWeeks(n).minusDays(3), 7);
                case "month" -> days(now, today.minusMonths(n).minusDays(15), 31);
                default -> year(now, today.getYear() - n);
            };
        }
        m = SPAN.matcher(q);
        if (m.find()) {
            boolean last = m.group(1).equals("last");
            return switch (m.group(2)) {
                case "weekend" -> days(now, weekend(today, last), 2);
                case "week" -> days(now, today.with(DayOfWeek.MONDAY).minusWeeks(last ? 1 : 0), 7);
                case "month" -> month(now, YearMonth.from(today).minusMonths(last ? 1 : 0));
                default -> year(now, today.getYear() - (last ? 1 : 0));
            };
        }
        m = MONTH.matcher(q);
        if (m.find()) {
            Month month = month(m.group(1) != null ? m.group(1) : m.group(3));
            String year = m.group(1) != null ? m.group(2) : m.group(4);
            YearMonth asked = year != null ? YearMonth.of(Integer.parseInt(year), month)
                    : latest(YearMonth.of(today.getYear(), month), YearMonth.from(today));
            return month(now, asked);
        }
        m = YEAR.matcher(q);
        if (m.find()) {
            int year = Integer.parseInt(m.group(1));
            return year >= 1900 && year <= today.getYear() ? year(now, year) : Optional.empty();
        }
        return Optional.empty();
    }

    /** Said in the stretch, or told within {@link #TOLD_AFTER} of its end. */
    public boolean heard(long saidAt) {
        return saidAt >= from.toEpochMilli() && saidAt < to.plus(TOLD_AFTER).toEpochMilli();
    }

    /** The most recent weekend before today ("last"), or the one today is in or comes next ("this"). */
    private static LocalDate weekend(LocalDate today, boolean last) {
        LocalDate saturday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
        if (last) {
            // On a weekend, "last weekend" is the one before this.
            return today.getDayOfWeek().getValue() >= DayOfWeek.SATURDAY.getValue() ? saturday.minusWeeks(1) : saturday;
        }
        return today.getDayOfWeek().getValue() >= DayOfWeek.SATURDAY.getValue() ? saturday
                : today.with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
    }

    private static YearMonth latest(YearMonth thisYear, YearMonth current) {
        return thisYear.isAfter(current) ? thisYear.minusYears(1) : thisYear;
    }

    private static Month month(String name) {
        for (Month month : Month.values()) {
            String full = month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (full.equals(name) || full.startsWith(name) && name.length() >= 3) {
                return month;
            }
        }
        throw new IllegalArgumentException("not a month: " + name);
    }

    private static Optional<QueryWindow> days(ZonedDateTime now, LocalDate first, int days) {
        return Optional.of(new QueryWindow(first.atStartOfDay(now.getZone()).toInstant(),
                first.plusDays(days).atStartOfDay(now.getZone()).toInstant()));
    }

    private static Optional<QueryWindow> month(ZonedDateTime now, YearMonth month) {
        return Optional.of(new QueryWindow(month.atDay(1).atStartOfDay(now.getZone()).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(now.getZone()).toInstant()));
    }

    private static Optional<QueryWindow> year(ZonedDateTime now, int year) {
        return Optional.of(new QueryWindow(LocalDate.of(year, 1, 1).atStartOfDay(now.getZone()).toInstant(),
                LocalDate.of(year + 1, 1, 1).atStartOfDay(now.getZone()).toInstant()));
    }
}
