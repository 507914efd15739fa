package org.camalarm.alarm;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Lenient reader for the local time stamps cameras send (no time zone):
 * <ul>
 * <li>{@code 20261005150501}, {@code 202610051505} (VIGI legacy: digits only, with or without
 * seconds);</li>
 * <li>{@code 2026-10-05 16:25:31} (VIGI enhanced), {@code 2022-5-26 11:5:0} (iVSEC: not
 * zero-padded), {@code 2022-05-26T11:05:00}, {@code 2022/05/26 11:05}; the date separator may be
 * {@code -}, {@code /} or {@code .}; between date and time any run of spaces, {@code T},
 * {@code _}, {@code +} or {@code %20} (a query not yet decoded); seconds and a fraction
 * ({@code .123}) are optional.</li>
 * </ul>
 * Hand-written (no regex, no formatter) because it runs on every alarm. Thread-safe.
 */
public final class CameraTimes {

    /** Longer input is no time stamp of any layout above. */
    private static final int MAX_INPUT_LENGTH = 40;

    private CameraTimes() {}

    /**
     * The time stamp, or {@code null} when the text is {@code null}, in no layout above, or names
     * a date or time that does not exist. Never throws.
     */
    public static @Nullable LocalDateTime parse(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (s.isEmpty() || s.length() > MAX_INPUT_LENGTH) {
            return null;
        }
        try {
            return isDigits(s) ? compact(s) : separated(new Cursor(s));
        } catch (DateTimeException e) {
            return null; // e.g. 2022-2-30 or 25:00
        }
    }

    /** {@code yyyyMMddHHmm[ss]}. */
    private static @Nullable LocalDateTime compact(String s) {
        if (s.length() != 12 && s.length() != 14) {
            return null;
        }
        int second = s.length() == 14 ? num(s, 12, 14) : 0;
        return LocalDateTime.of(num(s, 0, 4), num(s, 4, 6), num(s, 6, 8), num(s, 8, 10), num(s, 10, 12), second);
    }

    private static @Nullable LocalDateTime separated(Cursor c) {
        int year = c.number(4, 4);
        char dateSep = c.peek();
        if (year < 0 || (dateSep != '-' && dateSep != '/' && dateSep != '.')) {
            return null;
        }
        c.pos++;
        int month = c.number(1, 2);
        if (month < 0 || !c.skip(dateSep)) {
            return null;
        }
        int day = c.number(1, 2);
        if (day < 0 || !c.skipDateTimeSeparator()) {
            return null;
        }
        int hour = c.number(1, 2);
        if (hour < 0 || !c.skip(':')) {
            return null;
        }
        int minute = c.number(1, 2);
        int second = 0;
        int nanos = 0;
        if (minute >= 0 && c.skip(':')) {
            second = c.number(1, 2);
            if (second >= 0 && (c.skip('.') || c.skip(','))) {
                nanos = c.fraction();
            }
        }
        if (minute < 0 || second < 0 || nanos < 0 || !c.atEnd()) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second, nanos);
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int num(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (s.charAt(i) - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A read position in the text; methods advance it only on success. */
    private static final class Cursor {
        private final String s;
        private int pos;

        Cursor(String s) {
            this.s = s;
        }

        char peek() {
            return pos < s.length() ? s.charAt(pos) : 0;
        }

        boolean atEnd() {
            return pos == s.length();
        }

        boolean skip(char expected) {
            if (peek() != expected) {
                return false;
            }
            pos++;
            return true;
        }

        /** A non-negative number of {@code min} to {@code max} digits, or -1. */
        int number(int min, int max) {
            int start = pos;
            int value = 0;
            while (pos < s.length() && pos - start < max && isDigit(s.charAt(pos))) {
                value = value * 10 + (s.charAt(pos++) - '0');
            }
            if (pos - start < min || (pos < s.length() && isDigit(s.charAt(pos)))) {
                return -1;
            }
            return value;
        }

        /** Fraction digits after the decimal point as nanoseconds (at most 9 digits), or -1. */
        int fraction() {
            int start = pos;
            int nanos = 0;
            while (pos < s.length() && isDigit(s.charAt(pos))) {
                if (pos - start == 9) {
                    return -1;
                }
                nanos = nanos * 10 + (s.charAt(pos++) - '0');
            }
            int digits = pos - start;
            if (digits == 0) {
                return -1;
            }
            for (int i = digits; i < 9; i++) {
                nanos *= 10;
            }
            return nanos;
        }

        /** One or more of space, {@code T}, {@code _}, {@code +}, {@code %20}. */
        boolean skipDateTimeSeparator() {
            int start = pos;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == ' ' || c == 'T' || c == 't' || c == '_' || c == '+') {
                    pos++;
                } else if (s.startsWith("%20", pos)) {
                    pos += 3;
                } else {
                    break;
                }
            }
            return pos > start;
        }
    }
}
