package dev.mnemo.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.memory.Memory;
import dev.mnemo.memory.MemoryKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a memory was said, and the day a plan is about, as the prompt shows them. */
class MemoryDatesTest {
    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    /** Tuesday 3 March 2026, 10:00 in Lisbon. */
    private static final LocalDate TUESDAY = LocalDate.of(2026, 3, 3);

    @ParameterizedTest(name = "{0} days before: {1}")
    @CsvSource({"0, today", "1, yesterday", "3, 3 days ago", "6, 6 days ago", "7, 1 week ago", "20, 2 weeks ago",
            "34, 4 weeks ago", "35, 27 Jan", "400, 27 Jan 2025"})
    void whenItWasSaidReadsRelativeThenAsADate(int daysBefore, String expected) {
        ZonedDateTime now = TUESDAY.atTime(10, 0).atZone(LISBON);

        assertThat(MemoryDates.said(now.minusDays(daysBefore), now)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" said on Tue 3 Mar 2026 is about {1}")
    @CsvSource(delimiter = '|', value = {
            "Dentist appointment on Friday | 2026-03-06",
            "Dinner with Ana tomorrow | 2026-03-04",
            "Party tonight at Tom's | 2026-03-03",
            "Flying to Porto on the 12th | 2026-03-12",
            "Flying back on the 2nd | 2026-04-02",
            "Mum's birthday is 14th March | 2026-03-14",
            "Exam on March 1 | 2027-03-01",
            "Interview next Friday | 2026-03-13",
            "Meeting this fri with the bank | 2026-03-06",
            "Conference 5 of June | 2026-06-05",
            "Flight on 14 March 2027 | 2027-03-14",
            "Big day on the 31st | 2026-03-31",
            "Party this tuesday | 2026-03-03"})
    void aPlansDayIsReadAsOfWhenItWasSaid(String text, LocalDate expected) {
        assertThat(MemoryDates.about(text, TUESDAY, true)).contains(expected);
    }

    @ParameterizedTest(name = "\"{0}\" said on Tue 3 Mar 2026 was on {1}")
    @CsvSource(delimiter = '|', value = {
            "Ran a half marathon on Sunday | 2026-03-01",
            "Had the interview on the 27th | 2026-02-27",
            "Got married on 20 June | 2025-06-20",
            "Started the new job today | 2026-03-03"})
    void anEventsDayIsReadBackwards(String text, LocalDate expected) {
        assertThat(MemoryDates.about(text, TUESDAY, false)).contains(expected);
    }

    @ParameterizedTest(name = "\"{0}\" said on {1} is about {2}")
    @CsvSource(delimiter = '|', value = {
            "Rent is due on the 31st | 2026-04-10 | 2026-05-31",
            "Renewal on the 30th | 2026-01-31 | 2026-03-30",
            "Leap party on 29 Feb | 2027-03-01 | 2028-02-29"})
    void aDayOfTheMonthIsTheNearestThatExists(String text, LocalDate said, LocalDate expected) {
        assertThat(MemoryDates.about(text, said, true)).contains(expected);
    }

    @ParameterizedTest(name = "\"{0}\" names no day")
    @CsvSource(delimiter = '|', value = {"I sat the exam and passed", "I have 3 cats", "Going to the gym more often",
            "Married in may be wrong", "The meeting at 10 may run late", "Ethan starts the 4th grade"})
    void wordsThatNameNoDayAreLeftAlone(String text) {
        assertThat(MemoryDates.about(text, TUESDAY, true)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
            "PLAN | Dentist on Friday | said yesterday; about Fri 6 Mar",
            "FACT | Works on Friday afternoons | said yesterday",
            "EVENT | Ran a half marathon today | said yesterday; about Tue 3 Mar",
            "EVENT | Ran a half marathon on Sunday | said yesterday; about Sun 1 Mar",
            "EVENT | Dentist appointment on Friday | said yesterday; about Fri 6 Mar"})
    void onlyPlansAndEventsCarryTheDayTheyAreAbout(MemoryKind kind, String text, String expected) {
        Instant saidAt = TUESDAY.atTime(9, 0).atZone(LISBON).toInstant();
        Memory memory = new Memory("m", "u", text, kind, 5, List.of(), saidAt, saidAt, null, 0, 1.0, List.of());

        assertThat(MemoryDates.of(memory, TUESDAY.plusDays(1).atTime(8, 0).atZone(LISBON))).isEqualTo(expected);
    }
}
