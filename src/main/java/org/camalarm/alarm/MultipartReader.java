package org.camalarm.alarm;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camalarm.text.Texts;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Splits a {@code multipart/form-data} body (RFC 7578, delimiters as in RFC 2046 §5.1.1) into
 * parts, without copying: a part is a range of the body array.
 *
 * <p>Strict on structure: the body must hold a {@code --boundary} line, every part must have a
 * header block ended by an empty line, and the body must end with the close delimiter
 * {@code --boundary--} (a body cut short anywhere is {@code truncated_multipart}). Lenient on line
 * ends: CRLF and bare LF are both accepted, also mixed; spaces or tabs after a delimiter are
 * skipped; a preamble before the first delimiter and an epilogue after the last are ignored;
 * a part whose content is empty may follow its header block without a line break. The line break
 * before a delimiter belongs to the delimiter, so part content is byte-exact.
 *
 * <p>Linear in the body length, and reading about one byte in 20 of a JPEG in practice:
 * delimiters are searched only at line starts, with a skip search. Thread-safe (stateless).
 */
final class MultipartReader {

    /** RFC 2046 §5.1.1: 1 to 70 characters. */
    static final int MAX_BOUNDARY_CHARS = 70;
    /** More parts than this is no camera's push. */
    static final int MAX_PARTS = 32;
    /** The header block of one part, in bytes. */
    static final int MAX_HEADER_BYTES = 8192;

    /** What follows a {@code --boundary} match. */
    private static final int CLOSE = -1;

    private static final int CUT = -2;
    private static final int NOT_A_DELIMITER = -3;

    /**
     * One part: its headers of interest and where its content lies in the body.
     *
     * @param contentType the part's {@code Content-Type}, lower case without parameters, or
     *                    {@code ""}
     * @param name        the {@code name} parameter of its {@code Content-Disposition}, or
     *                    {@code null}
     * @param start       first content byte
     * @param end         one past the last content byte
     */
    record Part(String contentType, @Nullable String name, int start, int end) {
        int length() {
            return end - start;
        }
    }

    private MultipartReader() {}

    /**
     * The parts of {@code body}, in order; empty when the first delimiter is already the close
     * delimiter.
     *
     * @throws MalformedAlarmException {@code invalid_boundary}, {@code invalid_multipart},
     *                                 {@code truncated_multipart} or {@code too_many_parts}
     */
    static List<Part> read(byte[] body, @Nullable String boundary) throws MalformedAlarmException {
        Delimiter delimiter = new Delimiter(delimiter(boundary));
        int at = find(body, delimiter, 0);
        if (at < 0) {
            throw new MalformedAlarmException(
                    "invalid_multipart",
                    "no --boundary line in the " + body.length + "-byte body (boundary "
                            + Texts.quoted(boundary, AlarmDecoder.MAX_QUOTED_CHARS) + ")");
        }
        List<Part> parts = new ArrayList<>(2);
        while (true) {
            int next = follows(body, at + delimiter.length());
            if (next == CLOSE) {
                return parts;
            }
            if (next == CUT) {
                throw new MalformedAlarmException(
                        "truncated_multipart",
                        "body ends inside the delimiter at byte " + at + ", before the closing --boundary--");
            }
            if (parts.size() == MAX_PARTS) {
                throw new MalformedAlarmException("too_many_parts", "more than " + MAX_PARTS + " parts");
            }
            int partNumber = parts.size() + 1;
            Headers headers = headers(body, next, partNumber);
            int end = find(body, delimiter, headers.end);
            if (end < 0) {
                throw new MalformedAlarmException(
                        "truncated_multipart",
                        "part " + partNumber + " (content from byte " + headers.end
                                + ") has no closing --boundary; the body ends at byte " + body.length);
            }
            parts.add(new Part(headers.contentType, headers.name, headers.end, contentEnd(body, headers.end, end)));
            at = end;
        }
    }

    private static byte[] delimiter(@Nullable String boundary) throws MalformedAlarmException {
        if (boundary == null || boundary.isEmpty()) {
            throw new MalformedAlarmException("missing_boundary", "multipart Content-Type has no boundary parameter");
        }
        if (boundary.length() > MAX_BOUNDARY_CHARS) {
            throw new MalformedAlarmException(
                    "invalid_boundary",
                    "boundary is " + boundary.length() + " characters long; at most " + MAX_BOUNDARY_CHARS
                            + " allowed");
        }
        for (int i = 0; i < boundary.length(); i++) {
            char c = boundary.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new MalformedAlarmException(
                        "invalid_boundary", "boundary has a control or non-ASCII character at index " + i);
            }
        }
        return ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The first delimiter at or after {@code from} that starts a line (or starts at
     * {@code from} itself) and is followed by what a delimiter may be followed by; -1 if none.
     */
    private static int find(byte[] body, Delimiter delimiter, int from) {
        if (startsWith(body, from, delimiter.dashBoundary)
                && follows(body, from + delimiter.length()) != NOT_A_DELIMITER) {
            return from;
        }
        for (int lf = delimiter.afterLineFeed(body, from); lf >= 0; lf = delimiter.afterLineFeed(body, lf + 1)) {
            if (follows(body, lf + 1 + delimiter.length()) != NOT_A_DELIMITER) {
                return lf + 1;
            }
        }
        return -1;
    }

    /**
     * {@code --boundary}, and a search for it after a line feed that reads one byte in
     * {@code m} (the pattern's length): an occurrence covers exactly one point of a grid of step
     * {@code m}, so only grid bytes that occur in the pattern need a closer look, and only where
     * that byte's places in the pattern put the pattern's start. Unlike a Horspool search, each
     * step does not wait for the byte before it, so a JPEG part is crossed at memory speed.
     */
    private static final class Delimiter {
        private static final int[] NOWHERE = {};

        final byte[] dashBoundary;
        private final byte[] pattern;
        /** For each byte value, where it occurs in the pattern (empty: nowhere). */
        private final int[][] places = new int[256][];

        Delimiter(byte[] dashBoundary) {
            this.dashBoundary = dashBoundary;
            pattern = new byte[dashBoundary.length + 1];
            pattern[0] = '\n';
            System.arraycopy(dashBoundary, 0, pattern, 1, dashBoundary.length);
            int[] counts = new int[256];
            for (byte b : pattern) {
                counts[b & 0xff]++;
            }
            for (int value = 0; value < 256; value++) { // one array per byte of the pattern, not 256 per push
                places[value] = counts[value] == 0 ? NOWHERE : new int[counts[value]];
            }
            int[] filled = new int[256];
            for (int k = 0; k < pattern.length; k++) {
                int value = pattern[k] & 0xff;
                places[value][filled[value]++] = k;
            }
        }

        int length() {
            return dashBoundary.length;
        }

        /** Index of the first {@code \n--boundary} at or after {@code from}, or -1. */
        int afterLineFeed(byte[] body, int from) {
            int m = pattern.length;
            int last = body.length - m;
            for (int j = from + m - 1; j < body.length; j += m) {
                int[] at = places[body[j] & 0xff];
                // the pattern's places of this byte, last first: the earliest start first
                for (int i = at.length - 1; i >= 0; i--) {
                    int p = j - at[i];
                    if (p >= from && p <= last && body[p] == '\n' && startsWith(body, p, pattern)) {
                        return p;
                    }
                }
            }
            return -1;
        }
    }

    /**
     * What follows {@code --boundary} at {@code at}: {@link #CLOSE} for {@code --},
     * the index of the next line for optional spaces or tabs and a line break, {@link #CUT} when
     * the body ends first, else {@link #NOT_A_DELIMITER}.
     */
    private static int follows(byte[] body, int at) {
        if (at < body.length && body[at] == '-') {
            if (at + 1 == body.length) {
                return CUT;
            }
            return body[at + 1] == '-' ? CLOSE : NOT_A_DELIMITER;
        }
        int i = at;
        while (i < body.length && (body[i] == ' ' || body[i] == '\t')) {
            i++;
        }
        if (i == body.length) {
            return CUT;
        }
        if (body[i] == '\n') {
            return i + 1;
        }
        if (body[i] == '\r') {
            if (i + 1 == body.length) {
                return CUT;
            }
            return body[i + 1] == '\n' ? i + 2 : NOT_A_DELIMITER;
        }
        return NOT_A_DELIMITER;
    }

    /** The header block of one part. */
    private record Headers(String contentType, @Nullable String name, int end) {}

    private static Headers headers(byte[] body, int from, int partNumber) throws MalformedAlarmException {
        String contentType = "";
        String name = null;
        int lineStart = from;
        while (true) {
            int newline = indexOf(body, (byte) '\n', lineStart, Math.min(body.length, from + MAX_HEADER_BYTES));
            if (newline < 0) {
                if (body.length - from >= MAX_HEADER_BYTES) {
                    throw new MalformedAlarmException(
                            "invalid_multipart",
                            "part " + partNumber + " headers (from byte " + from + ") exceed " + MAX_HEADER_BYTES
                                    + " bytes");
                }
                throw new MalformedAlarmException(
                        "truncated_multipart",
                        "body ends inside the headers of part " + partNumber + " (from byte " + from + ")");
            }
            int lineEnd = newline > lineStart && body[newline - 1] == '\r' ? newline - 1 : newline;
            if (lineEnd == lineStart) {
                return new Headers(contentType, name, newline + 1);
            }
            if (body[lineStart] != ' ' && body[lineStart] != '\t') { // obsolete folded lines are skipped
                String line = new String(body, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new MalformedAlarmException(
                            "invalid_multipart",
                            "part " + partNumber + " has a header line without a name and ':' at byte " + lineStart);
                }
                String header = line.substring(0, colon).strip();
                if (header.equalsIgnoreCase("Content-Type")) {
                    contentType = MediaType.parse(line.substring(colon + 1)).type();
                } else if (header.equalsIgnoreCase("Content-Disposition")) {
                    name = MediaType.parse(line.substring(colon + 1)).parameter("name");
                }
            }
            lineStart = newline + 1;
        }
    }

    /** Content ends before the line break that belongs to the delimiter at {@code delimiterAt}. */
    private static int contentEnd(byte[] body, int contentStart, int delimiterAt) {
        int end = delimiterAt;
        if (end > contentStart && body[end - 1] == '\n') {
            end--;
            if (end > contentStart && body[end - 1] == '\r') {
                end--;
            }
        }
        return end;
    }

    private static boolean startsWith(byte[] body, int at, byte[] prefix) {
        if (at + prefix.length > body.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (body[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(byte[] body, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (body[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
