package org.camalarm.alarm;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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
 * <li>{@code 11-19-2025 12:15:11 PM} (TVT: the camera's display format, year last, 12-hour clock):
 * with the year last, the day and month are told apart by which one exceeds 12; when both could be
 * the month ({@code 05-06-2025}) the date is ambiguous and {@code null}. {@code AM}/{@code PM}
 * after the time make it a 12-hour time, with any date layout.</li>
 * </ul>
 * Plus, for cameras that say which instant they mean, {@link #parse(String, ZoneId)} (ISO-8601
 * with an offset, Hikvision) and {@link #epoch(String, ZoneId)} (seconds, milliseconds or
 * microseconds since the epoch, TVT), both as wall time in the hub's zone.
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

    /**
     * The time stamp of {@link #parse(String)}, or an ISO-8601 date-time with an offset
     * ({@code 2025-03-05T10:47:40+00:00}, {@code ...Z}) as wall time in {@code zone}; {@code null}
     * for anything else, e.g. Hikvision's malformed {@code 2024-01-22T11:47:1500:00}. Never throws.
     */
    public static @Nullable LocalDateTime parse(@Nullable String text, ZoneId zone) {
        LocalDateTime local = parse(text);
        if (local != null || text == null || text.length() > MAX_INPUT_LENGTH) {
            return local;
        }
        try {
            LocalDateTime time =
                    LocalDateTime.ofInstant(OffsetDateTime.parse(text.strip()).toInstant(), zone);
            return time.getYear() >= 1970 && time.getYear() <= 9999 ? time : null; // +999999999-01-01 is no time
        } catch (DateTimeException e) { // unparsable, or an instant beyond LocalDateTime's range in this zone
            return null;
        }
    }

    /**
     * Epoch time as wall time in {@code zone}: 10 digits are seconds, 13 milliseconds, 16
     * microseconds (TVT {@code currentTime}); {@code null} for other lengths (TVT NVRs have been seen
     * sending 20 digits) or non-digits. Never throws.
     */
    public static @Nullable LocalDateTime epoch(@Nullable String digits, ZoneId zone) {
        if (digits == null) {
            return null;
        }
        String s = digits.strip();
        if (!isDigits(s) || (s.length() != 10 && s.length() != 13 && s.length() != 16)) {
            return null;
        }
        long value = Long.parseLong(s);
        Instant instant = s.length() == 10
                ? Instant.ofEpochSecond(value)
                : s.length() == 13
                        ? Instant.ofEpochMilli(value)
                        : Instant.ofEpochSecond(value / 1_000_000, (value % 1_000_000) * 1000);
        return LocalDateTime.ofInstant(instant, zone);
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
        int month;
        int day;
        char dateSep;
        if (year >= 0) {
            dateSep = c.peek();
            if (dateSep != '-' && dateSep != '/' && dateSep != '.') {
                return null;
            }
            c.pos++;
            month = c.number(1, 2);
            if (month < 0 || !c.skip(dateSep)) {
                return null;
            }
            day = c.number(1, 2);
        } else { // year last: MM-DD-YYYY or DD-MM-YYYY
            int first = c.number(1, 2);
            dateSep = c.peek();
            if (first < 0 || (dateSep != '-' && dateSep != '/' && dateSep != '.')) {
                return null;
            }
            c.pos++;
            int second = c.number(1, 2);
            if (second < 0 || !c.skip(dateSep)) {
                return null;
            }
            year = c.number(4, 4);
            if (first > 12 && second <= 12) {
                day = first;
                month = second;
            } else if (first <= 12 && (second > 12 || first == second)) {
                month = first;
                day = second;
            } else {
                return null; // 05-06-2025: May 6 or 5 June, only the camera's settings know
            }
        }
        if (year < 0 || day < 0 || !c.skipDateTimeSeparator()) {
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
        if (minute < 0 || second < 0 || nanos < 0) {
            return null;
        }
        int meridiem = c.meridiem();
        if (meridiem != 0) {
            if (hour < 1 || hour > 12) {
                return null;
            }
            hour = hour % 12 + (meridiem > 0 ? 12 : 0);
        }
        if (!c.atEnd()) {
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
                pos = start;
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

        /** After optional spaces: {@code AM} gives -1, {@code PM} 1 (either case); 0 and no move when neither. */
        int meridiem() {
            int start = pos;
            while (pos < s.length() && s.charAt(pos) == ' ') {
                pos++;
            }
            if (pos + 2 == s.length() && (s.charAt(pos + 1) == 'M' || s.charAt(pos + 1) == 'm')) {
                char c = s.charAt(pos);
                if (c == 'A' || c == 'a' || c == 'P' || c == 'p') {
                    pos += 2;
                    return c == 'A' || c == 'a' ? -1 : 1;
                }
            }
            pos = start;
            return 0;
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
