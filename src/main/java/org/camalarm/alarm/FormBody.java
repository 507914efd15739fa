package org.camalarm.alarm;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an {@code application/x-www-form-urlencoded} body (WHATWG URL §5.1): {@code &}-separated
 * {@code name=value} pairs, {@code +} for space, {@code %XX} for a byte, UTF-8. Lenient: a
 * {@code %} not followed by two hex digits is kept as it is. Thread-safe (stateless).
 */
final class FormBody {

    /** Pairs after this many are ignored: no camera sends more than a handful. */
    static final int MAX_PAIRS = 64;

    private FormBody() {}

    /** Values by lower-case name; the first occurrence of a name wins. */
    static Map<String, String> parse(byte[] body) {
        Map<String, String> values = new HashMap<>(8);
        int pairs = 0;
        int start = 0;
        while (start <= body.length && pairs < MAX_PAIRS) {
            int end = MultipartReader.indexOf(body, (byte) '&', start, body.length);
            if (end < 0) {
                end = body.length;
            }
            int equals = MultipartReader.indexOf(body, (byte) '=', start, end);
            if (end > start) {
                pairs++;
                String name = decode(body, start, equals < 0 ? end : equals).toLowerCase(Locale.ROOT);
                String value = equals < 0 ? "" : decode(body, equals + 1, end);
                values.putIfAbsent(name, value);
            }
            start = end + 1;
        }
        return values;
    }

    private static String decode(byte[] body, int from, int to) {
        byte[] out = new byte[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b == '+') {
                b = ' ';
            } else if (b == '%'
                    && i + 2 < to
                    && Character.digit(body[i + 1], 16) >= 0
                    && Character.digit(body[i + 2], 16) >= 0) {
                b = (byte) (Character.digit(body[i + 1], 16) * 16 + Character.digit(body[i + 2], 16));
                i += 2;
            }
            out[n++] = b;
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }
}
