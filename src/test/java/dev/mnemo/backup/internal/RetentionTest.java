package dev.mnemo.backup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Grandfather-father-son: the newest of each of the last 7 days, 4 weeks and 12 months; the newest always. */
class RetentionTest {

    @Test
    void aYearOfNightlyBackupsKeepsSevenDaysFourWeeksAndTwelveMonths() {
        // 2025-12-01 … 2026-11-30 at 03:30 UTC, one a night, and a second one on the last day.
        List<String> names = new ArrayList<>();
        Instant first = Instant.parse("2025-12-01T03:30:00Z");
        for (int day = 0; day < 365; day++) {
            names.add(Retention.name(first.plus(Duration.ofDays(day))));
        }
        names.add(Retention.name(Instant.parse("2026-11-30T12:00:00Z")));

        List<String> deleted = Retention.toDelete(names, 7, 4, 12);
        List<String> kept = new ArrayList<>(names);
        kept.removeAll(deleted);

        assertThat(kept).contains("mnemo-20261130-120000.mnb") // the newest, which also stands for its day
                .doesNotContain("mnemo-20261130-033000.mnb") // an older one of the same day
                .contains("mnemo-20261124-033000.mnb", "mnemo-20261129-033000.mnb") // the last 7 days
                .contains("mnemo-20261122-033000.mnb", "mnemo-20261115-033000.mnb") // ISO weeks: Monday to Sunday
                .contains("mnemo-20261031-033000.mnb", "mnemo-20260131-033000.mnb", "mnemo-20251231-033000.mnb"); // months
        assertThat(kept).doesNotContain("mnemo-20251201-033000.mnb", "mnemo-20261123-033000.mnb", "mnemo-20261030-033000.mnb",
                "mnemo-20261108-033000.mnb");
        // 7 days (24-30 Nov); 4 weeks: 30 Nov (a Monday, a week of its own), 29, 22 and 15 Nov, two of them new;
        // 12 months: November (kept already), then 31 Oct back to 31 Dec 2025, eleven new: 20 archives.
        assertThat(kept).hasSize(20);
        assertThat(deleted).hasSize(names.size() - 20);
    }

    @Test
    void aWeekAcrossNewYearIsOneWeekAndMissedNightsAreNotCounted() {
        List<String> names = new ArrayList<>();
        for (Instant night = Instant.parse("2025-12-20T03:30:00Z"); !night.isAfter(Instant.parse("2026-01-04T03:30:00Z"));
             night = night.plus(Duration.ofDays(1))) {
            names.add(Retention.name(night));
        }
        // ISO week 1 of 2026 runs from Monday 29 December 2025 to Sunday 4 January 2026.
        assertThat(Retention.toDelete(names, 0, 2, 0)).doesNotContain("mnemo-20260104-033000.mnb", "mnemo-20251228-033000.mnb")
                .contains("mnemo-20251231-033000.mnb");

        // Three nights missed: the last 3 days with an archive are kept, not the last 3 calendar days.
        List<String> withGaps = List.of("mnemo-20260110-033000.mnb", "mnemo-20260106-033000.mnb", "mnemo-20260105-033000.mnb",
                "mnemo-20260104-033000.mnb");
        assertThat(Retention.toDelete(withGaps, 3, 0, 0)).containsExactly("mnemo-20260104-033000.mnb");
    }

    @Test
    void strayFilesAndLookAlikesAreNeverTouchedAndTheNewestIsAlwaysKept() {
        List<String> names = List.of("mnemo-20261130-033000.mnb", "notes.txt", "mnemo-20261399-033000.mnb",
                "mnemo-20261129-033000.mnb.part", "mnemo-20261128-033000.mnb");

        assertThat(Retention.toDelete(names, 0, 0, 0)).containsExactly("mnemo-20261128-033000.mnb");
        assertThat(Retention.toDelete(names, 7, 4, 12)).isEmpty();
        assertThat(Retention.toDelete(List.of(), 7, 4, 12)).isEmpty();
    }
}
