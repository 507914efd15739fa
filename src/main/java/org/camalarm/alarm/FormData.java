package org.camalarm.alarm;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Reads {@code name=value&...} pairs the way WHATWG URL §5.1 reads {@code application/x-www-form-urlencoded}:
 * {@code +} for space, {@code %XX} for a byte, UTF-8. One reader for a URL's query and for a form body,
 * so both decode alike. Lenient, because cameras are: a {@code %} not followed by two hex digits is
 * kept as it is, a raw space is a space. Thread-safe (stateless).
 */
final class FormData {

    /** Pairs after this many are ignored: no camera sends more than a handful. */
    static final int MAX_PAIRS = 64;

    private FormData() {}

    /** The pairs of a query string (without {@code ?}), or none for {@code null}. */
    static Map<String, List<String>> parse(@Nullable String query) {
        return query == null ? Map.of() : parse(query.getBytes(StandardCharsets.UTF_8));
    }

    /** The pairs of a body, values by name as sent, in order. */
    static Map<String, List<String>> parse(byte[] bytes) {
        Map<String, List<String>> values = new LinkedHashMap<>(8);
        int pairs = 0;
        int start = 0;
        while (start <= bytes.length && pairs < MAX_PAIRS) {
            int end = MultipartReader.indexOf(bytes, (byte) '&', start, bytes.length);
            if (end < 0) {
                end = bytes.length;
            }
            if (end > start) {
                pairs++;
                int equals = MultipartReader.indexOf(bytes, (byte) '=', start, end);
                String name = decode(bytes, start, equals < 0 ? end : equals);
                String value = equals < 0 ? "" : decode(bytes, equals + 1, end);
                List<String> named = values.get(name);
                if (named == null) {
                    named = new ArrayList<>(1);
                    values.put(name, named);
                }
                named.add(value);
            }
            start = end + 1;
        }
        return values;
    }

    /** The first value of a name matched without regard to case, or {@code null}. */
    static @Nullable String first(Map<String, List<String>> values, String name) {
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    private static String decode(byte[] bytes, int from, int to) {
        byte[] out = new byte[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == '+') {
                b = ' ';
            } else if (b == '%'
                    && i + 2 < to
                    && Character.digit(bytes[i + 1], 16) >= 0
                    && Character.digit(bytes[i + 2], 16) >= 0) {
                b = (byte) (Character.digit(bytes[i + 1], 16) * 16 + Character.digit(bytes[i + 2], 16));
                i += 2;
            }
            out[n++] = b;
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }
}
