package dev.mnemo.agent;

import dev.mnemo.memory.Memory;
import dev.mnemo.memory.MemoryKind;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a recalled memory was said, as the prompt shows it — in the person's time zone, relative while that reads
 * better ("today", "yesterday", "3 days ago", "2 weeks ago"), a date after that ("14 Mar", "14 Mar 2025") — and, for a
 * plan or an event, the day it is about when its words name one relative to when it was said ("dentist on Friday"
 * said on Tuesday 3 March is about Fri 6 Mar), read backwards when its words say it happened already.
 */
final class MemoryDates {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final String MONTHS = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
    private static final String WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
    /** Abbreviated, a weekday needs "on", "this" or "next" before it: "I sat the exam" names no Saturday. */
    private static final String SHORT_WEEKDAYS = "mon|tues?|wed|thu(?:rs?)?|fri|sat|sun";
    private static final Pattern DAY_MONTH = Pattern.compile(
            "(?<!at )\\b(\\d{1,2})(?:st|nd|rd|th)?(?: of)? (" + MONTHS + ")\\b(?: (\\d{4}))?");
    private static final Pattern MONTH_DAY = Pattern.compile("\\b(" + MONTHS + ") (\\d{1,2})(?:st|nd|rd|th)?\\b(?:,? (\\d{4}))?");
    /** "on the 12th", not "the 4th grade". */
    private static final Pattern ORDINAL = Pattern.compile(
            "\\bthe (\\d{1,2})(?:st|nd|rd|th)\\b(?!\\s+(?:grade|floor|time|year|place|row|century|gen|birthday|anniversary))");
    private static final Pattern WEEKDAY = Pattern.compile("\\b(?:(next |this |on )?(" + WEEKDAYS + ")|(next |this |on )("
            + SHORT_WEEKDAYS + "))\\b");
    /** Words that tell it happened already: its day is read backwards ("ran a half marathon on Sunday"). */
    private static final Pattern PAST = Pattern.compile("\\b(?:was|were|had|did|went|ran|got|came|met|saw|left|took|"
            + "\\w{3,}ed|last|ago|yesterday)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern TOMORROW = Pattern.compile("\\b(tomorrow|tmrw|tonight|today)\\b");

    private MemoryDates() {
    }

    /** "said 3 days ago", with "about Fri 6 Mar" for a plan or an event whose day can be told. */
    static String of(Memory memory, ZonedDateTime now) {
        ZoneId zone = now.getZone();
        ZonedDateTime said = memory.updatedAt().atZone(zone);
        String when = "said " + said(said, now);
        if (memory.kind() == MemoryKind.PLAN || memory.kind() == MemoryKind.EVENT) {
            Optional<LocalDate> about = about(memory.text(), said.toLocalDate(), !PAST.matcher(memory.text()).find());
            if (about.isPresent()) {
                return when + "; about " + day(about.get(), now.toLocalDate());
            }
        }
        return when;
    }

    static String said(ZonedDateTime said, ZonedDateTime now) {
        long days = ChronoUnit.DAYS.between(said.toLocalDate(), now.toLocalDate());
        if (days <= 0) {
            return "today";
        }
        if (days == 1) {
            return "yesterday";
        }
        if (days < 7) {
            return days + " days ago";
        }
        if (days < 35) {
            return days / 7 + (days / 7 == 1 ? " week ago" : " weeks ago");
        }
        return (said.getYear() == now.getYear() ? DATE : DATE_YEAR).format(said);
    }

    /**
     * The day the words are about, read as of the day they were said — forwards for a plan, backwards for an
     * event ("ran a half marathon on Sunday", said on Tuesday, was two days before); empty when they name none.
     */
    static Optional<LocalDate> about(String text, LocalDate said, boolean future) {
        String t = text.toLowerCase(Locale.ROOT);
        Matcher m = DAY_MONTH.matcher(t);
        if (m.find()) {
            return m.group(3) != null ? dated(m.group(3), month(m.group(2)), m.group(1))
                    : nearest(month(m.group(2)), Integer.parseInt(m.group(1)), said, future);
        }
        m = MONTH_DAY.matcher(t);
        if (m.find()) {
            return m.group(3) != null ? dated(m.group(3), month(m.group(1)), m.group(2))
                    : nearest(month(m.group(1)), Integer.parseInt(m.group(2)), said, future);
        }
        m = TOMORROW.matcher(t);
        if (m.find()) {
            return Optional.of(m.group(1).startsWith("to") && !m.group(1).equals("tomorrow") ? said : said.plusDays(1));
        }
        m = WEEKDAY.matcher(t);
        if (m.find()) {
            String prefix = m.group(2) != null ? m.group(1) : m.group(3);
            DayOfWeek day = weekday(m.group(2) != null ? m.group(2) : m.group(4));
            if (!future && !"next ".equals(prefix)) {
                return Optional.of(said.with(TemporalAdjusters.previousOrSame(day)));
            }
            if ("this ".equals(prefix)) {
                return Optional.of(said.with(TemporalAdjusters.nextOrSame(day)));
            }
            LocalDate next = said.with(TemporalAdjusters.next(day));
            // "next Friday" is the one of next week, not the coming one
            return Optional.of("next ".equals(prefix) && next.isBefore(said.plusDays(7)) ? next.plusWeeks(1) : next);
        }
        m = ORDINAL.matcher(t);
        if (m.find()) {
            int dayOfMonth = Integer.parseInt(m.group(1));
            if (dayOfMonth > 31 || dayOfMonth < 1) {
                return Optional.empty();
            }
            // The nearest month, forwards or backwards, that has that day: the 31st after 10 April is 31 May.
            for (int months = 0; months <= 12; months++) {
                LocalDate month = (future ? said.plusMonths(months) : said.minusMonths(months)).withDayOfMonth(1);
                if (dayOfMonth <= month.lengthOfMonth()) {
                    LocalDate candidate = month.withDayOfMonth(dayOfMonth);
                    if (future ? !candidate.isBefore(said) : !candidate.isAfter(said)) {
                        return Optional.of(candidate);
                    }
                }
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The day a memory stopped being current: "12 May", "12 May 2025". */
    static String until(ZonedDateTime replaced, ZonedDateTime now) {
        return (replaced.getYear() == now.getYear() ? DATE : DATE_YEAR).format(replaced);
    }

    private static String day(LocalDate day, LocalDate today) {
        String text = DAY.format(day);
        return day.getYear() == today.getYear() ? text : text + " " + day.getYear();
    }

    /** That day of the month in the year that puts it on or after (a plan) or on or before (an event) {@code said}. */
    private static Optional<LocalDate> nearest(Month month, int dayOfMonth, LocalDate said, boolean future) {
        if (dayOfMonth < 1 || dayOfMonth > month.maxLength()) {
            return Optional.empty();
        }
        // The nearest year, forwards or backwards, that has that day (29 February waits for a leap year).
        for (int years = 0; years <= 8; years++) {
            int year = future ? said.getYear() + years : said.getYear() - years;
            if (dayOfMonth <= month.length(Year.isLeap(year))) {
                LocalDate candidate = LocalDate.of(year, month, dayOfMonth);
                if (future ? !candidate.isBefore(said) : !candidate.isAfter(said)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** A date with its year written out. */
    private static Optional<LocalDate> dated(String year, Month month, String dayOfMonth) {
        int day = Integer.parseInt(dayOfMonth);
        int y = Integer.parseInt(year);
        return day >= 1 && day <= month.length(Year.isLeap(y)) ? Optional.of(LocalDate.of(y, month, day)) : Optional.empty();
    }

    private static Month month(String word) {
        for (Month month : Month.values()) {
            if (month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT).startsWith(word.substring(0, 3))) {
                return month;
            }
        }
        throw new IllegalArgumentException(word);
    }

    private static DayOfWeek weekday(String word) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().toLowerCase(Locale.ROOT).startsWith(word.substring(0, 3))) {
                return day;
            }
        }
        throw new IllegalArgumentException(word);
    }
}
