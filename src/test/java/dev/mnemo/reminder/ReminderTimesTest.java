package dev.mnemo.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReminderTimesTest {
    /** Sunday 15 November 2026, 10:00 in Lisbon. */
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 15, 10, 0, 0, 0, ZoneId.of("Europe/Lisbon"));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "tomorrow 9am call mom            | 2026-11-16T09:00 | call mom",
            "tmrw at 18:30 to pick up Sofia   | 2026-11-16T18:30 | pick up Sofia",
            "in 2 hours take the chicken out  | 2026-11-15T12:00 | take the chicken out",
            "in 30 min check the laundry      | 2026-11-15T10:30 | check the laundry",
            "friday 3pm dentist               | 2026-11-20T15:00 | dentist",
            "sunday 9am yoga                  | 2026-11-22T09:00 | yoga",
            "at 7pm lock the door             | 2026-11-15T19:00 | lock the door",
            "9:30 stand-up                    | 2026-11-16T09:30 | stand-up",
            "tonight water the plants         | 2026-11-15T20:00 | water the plants",
            "2026-12-24 10:00 buy the turkey  | 2026-12-24T10:00 | buy the turkey",
            "monday call the bank             | 2026-11-16T09:00 | call the bank",
            "at 9 call mom                    | 2026-11-15T21:00 | call mom",
            "at 11 coffee                     | 2026-11-15T11:00 | coffee",
            "tonight at 9 call mom            | 2026-11-15T21:00 | call mom",
            "tomorrow at 7 run                | 2026-11-16T07:00 | run",
    })
    void readsTheTimesPeopleText(String text, String when, String what) {
        ReminderTimes.Parsed parsed = ReminderTimes.parsePrefix(text, NOW).orElseThrow();
        assertThat(parsed.when().toLocalDateTime().toString()).isEqualTo(when);
        assertThat(parsed.rest()).isEqualTo(what);
    }

    @ParameterizedTest
    @CsvSource({"call mom sometime", "3 things to buy", "yesterday 9am", "25:00 nope", "13pm lunch", "0am nope",
            "+999999999-01-01 overflow", "2999-01-01 too far"})
    void refusesWhatIsNotAFutureTime(String text) {
        assertThat(ReminderTimes.parsePrefix(text, NOW)).isEmpty();
    }
}
