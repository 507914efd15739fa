package org.camalarm.server;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jdt.annotation.Nullable;

/**
 * One UDP datagram read as an alarm request. What iVSEC/Raysharp firmware puts in a datagram is
 * undocumented (docs/udp-alarms.md), so three shapes are read, all naming the alarm path with its
 * token exactly as over HTTP:
 * <ol>
 * <li>the API Command text, with or without a leading {@code /}, a method or a trailing
 * {@code HTTP/1.1}: {@code camalarm/alarm/<token>/<thingId>[/<eventType>][?EventType=…]}, raw spaces
 * allowed (as the camera's GET writes {@code EventTime});</li>
 * <li>a whole HTTP request: request line, header lines (Content-Type, Content-Length), a blank
 * line and a body;</li>
 * <li>the API Command on the first line and a JSON, XML or form body on the next lines.</li>
 * </ol>
 * A datagram without such a line, a JSON or XML document alone included, carries no token: it is
 * refused. Trailing NUL bytes (C strings) and a UTF-8 byte order mark are ignored. Pure and
 * stateless.
 *
 * @param head the request head as {@link RequestHead} reads it; without a body the method is
 *             {@code GET} unless the datagram names one, with a body {@code POST}
 * @param body the body bytes, empty when none
 */
record AlarmDatagram(RequestHead head, byte[] body) {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "HEAD", "DELETE", "PATCH", "OPTIONS");

    /**
     * Reads {@code length} bytes of {@code data}.
     *
     * @throws IllegalArgumentException with a short reason when it is not an alarm request
     */
    static AlarmDatagram parse(byte[] data, int length) {
        int start =
                length >= 3 && (data[0] & 0xff) == 0xef && (data[1] & 0xff) == 0xbb && (data[2] & 0xff) == 0xbf ? 3 : 0;
        int end = length;
        while (end > start && data[end - 1] == 0) {
            end--;
        }
        while (start < end && isBlank(data[start])) {
            start++;
        }
        if (start == end) {
            throw new IllegalArgumentException("empty datagram");
        }
        if (data[start] == '{' || data[start] == '<' || data[start] == '[') {
            throw new IllegalArgumentException("a body without the alarm path (no token)");
        }
        int firstLineEnd = indexOf(data, start, end, (byte) '\n');
        int lineEnd = firstLineEnd < 0 ? end : firstLineEnd;
        String firstLine = new String(data, start, lineEnd - start, StandardCharsets.ISO_8859_1).strip();
        int headEnd; // exclusive end of the head
        int bodyStart;
        if (firstLineEnd < 0) {
            headEnd = end;
            bodyStart = end;
        } else if (looksLikeHeader(data, firstLineEnd + 1, end)) {
            int blank = blankLine(data, firstLineEnd + 1, end);
            headEnd = blank < 0 ? end : blank;
            bodyStart = blank < 0 ? end : afterBlankLine(data, blank, end);
        } else {
            headEnd = firstLineEnd;
            bodyStart = firstLineEnd + 1;
        }
        byte[] body = trimmedBody(data, bodyStart, end);
        String otherLines = new String(data, lineEnd, headEnd - lineEnd, StandardCharsets.ISO_8859_1);
        String method = hasMethod(firstLine) ? firstLine.substring(0, firstLine.indexOf(' ')) : null;
        String target = method == null
                ? firstLine
                : firstLine.substring(method.length()).strip();
        if (!target.startsWith("/") && !target.matches("(?i)https?://.*")) {
            target = "/" + target; // the API Command is typed without it
        }
        String requestLine = (method != null ? method : body.length == 0 ? "GET" : "POST") + " " + target;
        byte[] head = (requestLine + otherLines).getBytes(StandardCharsets.ISO_8859_1);
        RequestHead parsed = RequestHead.parse(head, head.length);
        if (parsed.chunked()) {
            throw new IllegalArgumentException("a chunked body in a datagram");
        }
        if (parsed.contentLength() >= 0 && parsed.contentLength() < body.length) {
            body = Arrays.copyOf(body, (int) parsed.contentLength());
        }
        return new AlarmDatagram(parsed, body);
    }

    private static boolean hasMethod(String line) {
        int space = line.indexOf(' ');
        return space > 0 && METHODS.contains(line.substring(0, space).toUpperCase(Locale.ROOT));
    }

    /** Whether the line starting at {@code from} is {@code Name: value}. */
    private static boolean looksLikeHeader(byte[] data, int from, int end) {
        for (int i = from; i < end; i++) {
            byte b = data[i];
            if (b == ':') {
                return i > from;
            }
            if (!(Character.isLetterOrDigit(b) || b == '-' || b == '_')) {
                return false;
            }
        }
        return false;
    }

    /** Index of the line break that starts an empty line, at or after {@code from}, or -1. */
    private static int blankLine(byte[] data, int from, int end) {
        for (int i = from; i < end; i++) {
            if (data[i] == '\n'
                    && (i + 1 < end && data[i + 1] == '\n'
                            || i + 2 < end && data[i + 1] == '\r' && data[i + 2] == '\n')) {
                return i;
            }
        }
        return -1;
    }

    private static int afterBlankLine(byte[] data, int blank, int end) {
        int i = blank + 1;
        if (i < end && data[i] == '\r') {
            i++;
        }
        return Math.min(i + 1, end);
    }

    /** The body, empty when it holds only blanks. */
    private static byte[] trimmedBody(byte[] data, int from, int end) {
        for (int i = from; i < end; i++) {
            if (!isBlank(data[i])) {
                return Arrays.copyOfRange(data, from, end);
            }
        }
        return new byte[0];
    }

    private static int indexOf(byte[] data, int from, int end, byte b) {
        for (int i = from; i < end; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof AlarmDatagram d && head.equals(d.head) && Arrays.equals(body, d.body);
    }

    @Override
    public int hashCode() {
        return head.hashCode() * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "AlarmDatagram[" + head + ", " + body.length + " body bytes]";
    }
}
