package dev.mnemo.backup.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Archive names ({@code mnemo-20261126-033000.mnb}, UTC) and which to keep: the newest archive of each of the
 * last N days, weeks and months (grandfather-father-son). Everything else may go.
 */
public final class Retention {
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'mnemo-'yyyyMMdd-HHmmss'.mnb'");
    private static final Pattern ARCHIVE = Pattern.compile("mnemo-\\d{8}-\\d{6}\\.mnb");

    private Retention() {
    }

    public static String name(Instant at) {
        return NAME.format(at.atOffset(ZoneOffset.UTC));
    }

    /** A name this code wrote: the pattern, and a real date and time (a stray look-alike is left alone). */
    static boolean isArchive(String name) {
        if (!ARCHIVE.matcher(name).matches()) {
            return false;
        }
        try {
            time(name);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static LocalDateTime time(String name) {
        return LocalDateTime.parse(name, NAME);
    }

    /** The archives retention removes; the newest is always kept. */
    public static List<String> toDelete(List<String> names, int daily, int weekly, int monthly) {
        List<String> newestFirst = names.stream().filter(Retention::isArchive).sorted((a, b) -> b.compareTo(a)).toList();
        Set<String> keep = new LinkedHashSet<>();
        if (!newestFirst.isEmpty()) {
            keep.add(newestFirst.getFirst());
        }
        keep.addAll(newestPer(newestFirst, daily, t -> t.toLocalDate().toString()));
        keep.addAll(newestPer(newestFirst, weekly, t -> t.get(IsoFields.WEEK_BASED_YEAR) + "-W" + t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
        keep.addAll(newestPer(newestFirst, monthly, t -> t.getYear() + "-" + t.getMonthValue()));
        List<String> delete = new ArrayList<>(newestFirst);
        delete.removeAll(keep);
        return delete;
    }

    private static List<String> newestPer(List<String> newestFirst, int periods, Function<LocalDateTime, String> period) {
        List<String> kept = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : newestFirst) {
            if (seen.size() >= periods) {
                break;
            }
            if (seen.add(period.apply(time(name)))) {
                kept.add(name);
            }
        }
        return kept;
    }
}
