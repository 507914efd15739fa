package org.camalarm.rule;

import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camalarm.text.Texts;

/**
 * When a rule may fire: a list of weekly time windows in the hub's local time, parsed from the
 * syntax documented on {@link Rule} (for example {@code Mon-Fri 18:00-07:00; Sat,Sun 00:00-24:00}).
 *
 * <p>A window covers its start minute up to, not including, its end minute. A window whose end is
 * not after its start crosses midnight and belongs to the day it starts on. Times are wall-clock
 * times: on a daylight-saving day a window simply covers the local times that exist.
 *
 * <p>Immutable and thread-safe; {@link #allows} allocates nothing.
 */
final class Schedule {

    /** No restriction: the empty schedule. */
    static final Schedule ALWAYS = new Schedule("", new Window[0]);

    private static final int MINUTES_PER_DAY = 24 * 60;
    private static final int ALL_DAYS = 0b111_1111;
    private static final String[] DAY_NAMES = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final Pattern TIMES = Pattern.compile("(\\d{1,2}):(\\d\\d)-(\\d{1,2}):(\\d\\d)");
    private static final Pattern BLANKS = Pattern.compile("\\s+");

    private final String text;
    private final Window[] windows;

    private Schedule(String text, Window[] windows) {
        this.text = text;
        this.windows = windows;
    }

    /**
     * Parses a schedule; empty or blank text is {@link #ALWAYS}.
     *
     * @throws IllegalArgumentException naming the window and the exact problem, e.g.
     *                                  {@code window "Mo 08:00-12:00": "Mo" is not a day: Mon, Tue,
     *                                  Wed, Thu, Fri, Sat or Sun}
     */
    static Schedule parse(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return ALWAYS;
        }
        String[] parts = trimmed.split(";", -1);
        Window[] windows = new Window[parts.length];
        for (int i = 0; i < parts.length; i++) {
            windows[i] = parseWindow(parts[i].strip(), i + 1);
        }
        return new Schedule(trimmed, windows);
    }

    boolean isAlways() {
        return windows.length == 0;
    }

    /** Whether a local date-time lies in one of the windows (always true for {@link #ALWAYS}). */
    boolean allows(LocalDateTime time) {
        if (windows.length == 0) {
            return true;
        }
        int day = time.getDayOfWeek().getValue() - 1;
        int minute = time.getHour() * 60 + time.getMinute();
        for (Window w : windows) {
            if (w.covers(day, minute)) {
                return true;
            }
        }
        return false;
    }

    /** The schedule as configured (trimmed); empty for {@link #ALWAYS}. */
    @Override
    public String toString() {
        return text;
    }

    /**
     * One window.
     *
     * @param days  bit {@code d} set when the window starts on day {@code d} (0 = Monday)
     * @param start first minute of the day covered, 0 to 1439
     * @param end   minute of the day the window ends before, 0 to 1440; not after {@code start}
     *              when the window crosses midnight
     */
    private record Window(int days, int start, int end) {

        boolean covers(int day, int minute) {
            if (start < end) {
                return startsOn(day) && minute >= start && minute < end;
            }
            // crosses midnight: the evening part is today's window, the morning part yesterday's
            return minute >= start ? startsOn(day) : minute < end && startsOn((day + 6) % 7);
        }

        private boolean startsOn(int day) {
            return (days & (1 << day)) != 0;
        }
    }

    private static Window parseWindow(String window, int number) {
        if (window.isEmpty()) {
            throw new IllegalArgumentException("window " + number + " is empty");
        }
        String[] tokens = BLANKS.split(window);
        Matcher times = TIMES.matcher(tokens[tokens.length - 1]);
        if (tokens.length > 2 || !times.matches()) {
            throw new IllegalArgumentException(quote(window) + " is not [DAYS] HH:MM-HH:MM");
        }
        int days = tokens.length == 2 ? parseDays(window, tokens[0]) : ALL_DAYS;
        int start = minutes(window, times.group(1), times.group(2));
        int end = minutes(window, times.group(3), times.group(4));
        if (start == MINUTES_PER_DAY) {
            throw new IllegalArgumentException(quote(window) + ": 24:00 can only end a window");
        }
        return new Window(days, start, end);
    }

    private static int minutes(String window, String hh, String mm) {
        int hours = Integer.parseInt(hh);
        int minutes = Integer.parseInt(mm);
        if (hours > 24 || minutes > 59 || hours == 24 && minutes != 0) {
            throw new IllegalArgumentException(
                    quote(window) + ": " + hh + ":" + mm + " is not a time from 00:00 to 24:00");
        }
        return hours * 60 + minutes;
    }

    private static int parseDays(String window, String token) {
        if (token.equals("*") || token.equalsIgnoreCase("daily")) {
            return ALL_DAYS;
        }
        int days = 0;
        for (String item : token.split(",", -1)) {
            String[] range = item.split("-", -1);
            if (range.length > 2) {
                throw new IllegalArgumentException(
                        quote(window) + ": \"" + Texts.shortened(item) + "\" is not a day range like Mon-Fri");
            }
            int first = day(window, range[0]);
            int last = range.length == 2 ? day(window, range[1]) : first;
            for (int d = first; ; d = (d + 1) % 7) {
                days |= 1 << d;
                if (d == last) {
                    break;
                }
            }
        }
        return days;
    }

    private static int day(String window, String name) {
        for (int d = 0; d < DAY_NAMES.length; d++) {
            if (DAY_NAMES[d].equalsIgnoreCase(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException(quote(window) + ": \"" + Texts.shortened(name)
                + "\" is not a day: Mon, Tue, Wed, Thu, Fri, Sat or Sun");
    }

    private static String quote(String window) {
        return "window \"" + Texts.shortened(window) + "\"";
    }
}
