package org.camalarm.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The schedule syntax documented on {@link Rule}, and when a schedule lets a rule fire. */
class ScheduleTest {

    /** 2026-10-05 is a Monday; {@code at("Fri 23:00")} is in that week. */
    private static LocalDateTime at(String dayAndTime) {
        String[] parts = dayAndTime.split(" ");
        int day = switch (parts[0]) {
            case "Mon" -> 5;
            case "Tue" -> 6;
            case "Wed" -> 7;
            case "Thu" -> 8;
            case "Fri" -> 9;
            case "Sat" -> 10;
            case "Sun" -> 11;
            default -> throw new IllegalArgumentException(parts[0]);
        };
        String[] hm = parts[1].split(":");
        return LocalDateTime.of(2026, 10, day, Integer.parseInt(hm[0]), Integer.parseInt(hm[1]), 30);
    }

    private static void assertAllows(String schedule, String... times) {
        Schedule s = Schedule.parse(schedule);
        for (String t : times) {
            assertTrue(s.allows(at(t)), () -> schedule + " should allow " + t);
        }
    }

    private static void assertRefuses(String schedule, String... times) {
        Schedule s = Schedule.parse(schedule);
        for (String t : times) {
            assertFalse(s.allows(at(t)), () -> schedule + " should refuse " + t);
        }
    }

    @Test
    void emptyOrBlankIsAlways() {
        assertSame(Schedule.ALWAYS, Schedule.parse(""));
        assertSame(Schedule.ALWAYS, Schedule.parse("  "));
        assertTrue(Schedule.ALWAYS.isAlways());
        assertTrue(Schedule.ALWAYS.allows(at("Sun 03:00")));
    }

    @Test
    void aWindowWithoutDaysCoversEveryDayFromItsStartToBeforeItsEnd() {
        assertAllows("08:00-17:00", "Mon 08:00", "Wed 12:00", "Sun 16:59");
        assertRefuses("08:00-17:00", "Mon 07:59", "Sun 17:00", "Sat 23:00");
    }

    @Test
    void singleDaysRangesAndListsInAnyCase() {
        assertAllows("Mon 08:00-09:00", "Mon 08:30");
        assertRefuses("Mon 08:00-09:00", "Tue 08:30", "Sun 08:30");
        assertAllows("mon-FRI 08:00-09:00", "Mon 08:30", "Wed 08:30", "Fri 08:30");
        assertRefuses("mon-FRI 08:00-09:00", "Sat 08:30", "Sun 08:30");
        assertAllows("Sat,Sun 08:00-09:00", "Sat 08:30", "Sun 08:30");
        assertRefuses("Sat,Sun 08:00-09:00", "Mon 08:30", "Fri 08:30");
        assertAllows("Mon-Tue,Thu 08:00-09:00", "Mon 08:30", "Tue 08:30", "Thu 08:30");
        assertRefuses("Mon-Tue,Thu 08:00-09:00", "Wed 08:30", "Fri 08:30");
    }

    @Test
    void starDailyAndOmittedDaysAreEveryDay() {
        for (String s : new String[] {"* 08:00-09:00", "daily 08:00-09:00", "DAILY 08:00-09:00", "08:00-09:00"}) {
            assertAllows(s, "Mon 08:00", "Thu 08:30", "Sun 08:59");
            assertRefuses(s, "Mon 09:00", "Sun 07:59");
        }
    }

    @Test
    void dayRangesMayWrapAroundTheWeek() {
        assertAllows("Fri-Mon 10:00-11:00", "Fri 10:00", "Sat 10:00", "Sun 10:00", "Mon 10:00");
        assertRefuses("Fri-Mon 10:00-11:00", "Tue 10:00", "Wed 10:00", "Thu 10:00");
        assertAllows("Sun-Sun 10:00-11:00", "Sun 10:00");
        assertRefuses("Sun-Sun 10:00-11:00", "Sat 10:00", "Mon 10:00");
    }

    @Test
    void aWindowCrossingMidnightBelongsToTheDayItStartsOn() {
        String friday = "Fri 22:00-06:00";
        assertAllows(friday, "Fri 22:00", "Fri 23:59", "Sat 00:00", "Sat 05:59");
        assertRefuses(friday, "Fri 21:59", "Sat 06:00", "Sat 22:00", "Fri 05:00", "Thu 23:00", "Sun 01:00");
        // Sunday's night ends on Monday morning: the week wraps
        assertAllows("Sun 22:00-06:00", "Sun 23:00", "Mon 03:00");
        assertRefuses("Sun 22:00-06:00", "Mon 23:00", "Sun 03:00");
    }

    @Test
    void anEndEqualToTheStartIsTwentyFourHours() {
        assertAllows("Mon 08:00-08:00", "Mon 08:00", "Mon 23:00", "Tue 07:59");
        assertRefuses("Mon 08:00-08:00", "Mon 07:59", "Tue 08:00");
    }

    @Test
    void twentyFourHundredEndsTheDay() {
        assertAllows("Sat 00:00-24:00", "Sat 00:00", "Sat 12:00", "Sat 23:59");
        assertRefuses("Sat 00:00-24:00", "Fri 23:59", "Sun 00:00");
        assertAllows("18:00-24:00", "Tue 18:00", "Tue 23:59");
        assertRefuses("18:00-24:00", "Wed 00:00", "Tue 17:59");
    }

    @Test
    void anHourMayHaveOneDigit() {
        assertAllows("Mon-Fri 18:00-7:00", "Mon 18:00", "Tue 06:59");
        assertRefuses("Mon-Fri 18:00-7:00", "Tue 07:00");
    }

    @Test
    void severalWindowsSeparatedBySemicolons() {
        String schedule = " Mon-Fri 18:00-07:00 ;Sat,Sun 00:00-24:00 ";
        assertAllows(schedule, "Mon 18:00", "Tue 06:59", "Fri 23:00", "Sat 06:00", "Sat 12:00", "Sun 23:59");
        // Monday early morning belongs to Sunday night, which only the Sat,Sun window covers (to 24:00)
        assertRefuses(schedule, "Mon 00:00", "Mon 06:00", "Mon 12:00", "Fri 07:00", "Wed 17:59");
        assertEquals(
                "Mon-Fri 18:00-07:00 ;Sat,Sun 00:00-24:00",
                Schedule.parse(schedule).toString());
    }

    static Stream<Arguments> invalidSchedules() {
        return Stream.of(
                Arguments.of("Mon 08:00-09:00;", "window 2 is empty"),
                Arguments.of(";08:00-09:00", "window 1 is empty"),
                Arguments.of("08:00-09:00; ;10:00-11:00", "window 2 is empty"),
                Arguments.of("Mon 08:00", "window \"Mon 08:00\" is not [DAYS] HH:MM-HH:MM"),
                Arguments.of("Mon-Fri", "window \"Mon-Fri\" is not [DAYS] HH:MM-HH:MM"),
                Arguments.of("8:0-17:00", "window \"8:0-17:00\" is not [DAYS] HH:MM-HH:MM"),
                Arguments.of("08:00 - 17:00", "window \"08:00 - 17:00\" is not [DAYS] HH:MM-HH:MM"),
                Arguments.of("Mon, Tue 08:00-17:00", "window \"Mon, Tue 08:00-17:00\" is not [DAYS] HH:MM-HH:MM"),
                Arguments.of("Mon 08h00-17h00", "window \"Mon 08h00-17h00\" is not [DAYS] HH:MM-HH:MM"),
                Arguments.of("Mon 25:00-06:00", "window \"Mon 25:00-06:00\": 25:00 is not a time from 00:00 to 24:00"),
                Arguments.of("08:00-08:60", "window \"08:00-08:60\": 08:60 is not a time from 00:00 to 24:00"),
                Arguments.of("20:00-24:30", "window \"20:00-24:30\": 24:30 is not a time from 00:00 to 24:00"),
                Arguments.of("24:00-06:00", "window \"24:00-06:00\": 24:00 can only end a window"),
                Arguments.of(
                        "Mo 08:00-12:00",
                        "window \"Mo 08:00-12:00\": \"Mo\" is not a day: Mon, Tue, Wed, Thu, Fri, Sat or Sun"),
                Arguments.of(
                        "Monday 08:00-12:00",
                        "window \"Monday 08:00-12:00\": \"Monday\" is not a day: Mon, Tue, Wed, Thu, Fri, Sat or Sun"),
                Arguments.of(
                        "Sat, 08:00-12:00",
                        "window \"Sat, 08:00-12:00\": \"\" is not a day: Mon, Tue, Wed, Thu, Fri, Sat or Sun"),
                Arguments.of(
                        "Sat,,Sun 08:00-12:00",
                        "window \"Sat,,Sun 08:00-12:00\": \"\" is not a day: Mon, Tue, Wed, Thu, Fri, Sat or Sun"),
                Arguments.of(
                        "Mon- 08:00-12:00",
                        "window \"Mon- 08:00-12:00\": \"\" is not a day: Mon, Tue, Wed, Thu, Fri, Sat or Sun"),
                Arguments.of(
                        "Mon-Wed-Fri 08:00-12:00",
                        "window \"Mon-Wed-Fri 08:00-12:00\": \"Mon-Wed-Fri\" is not a day range like Mon-Fri"),
                Arguments.of(
                        "*,Sun 08:00-12:00",
                        "window \"*,Sun 08:00-12:00\": \"*\" is not a day: Mon, Tue, Wed, Thu, Fri, Sat or Sun"));
    }

    @ParameterizedTest
    @MethodSource("invalidSchedules")
    void invalidSchedulesAreRefusedWithTheExactProblem(String schedule, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Schedule.parse(schedule));
        assertEquals(message, e.getMessage());
    }

    @Test
    void longInputIsAbbreviatedInMessages() {
        String junk = "x".repeat(100);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Schedule.parse(junk));
        assertEquals("window \"" + "x".repeat(64) + "…\" is not [DAYS] HH:MM-HH:MM", e.getMessage());
    }
}
