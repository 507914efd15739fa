package org.camalarm.auth;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of a Digest {@code Authorization} header ({@code name=token} or
 * {@code name="quoted \" string"}, comma separated), names in lower case. Lenient: whatever cannot be
 * read ends the list, and a missing parameter is caught by the caller.
 */
final class DigestParams {

    /** More parameters than any Digest answer has: a longer list is not read further. */
    private static final int MAX_PARAMS = 16;

    private DigestParams() {}

    static Map<String, String> parse(String text) {
        Map<String, String> params = new HashMap<>();
        int i = 0;
        int n = text.length();
        while (i < n && params.size() < MAX_PARAMS) {
            while (i < n && (text.charAt(i) == ',' || Character.isWhitespace(text.charAt(i)))) {
                i++;
            }
            int equals = text.indexOf('=', i);
            if (equals < 0) {
                break;
            }
            String name = text.substring(i, equals).strip().toLowerCase(Locale.ROOT);
            i = equals + 1;
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            StringBuilder value = new StringBuilder();
            if (i < n && text.charAt(i) == '"') {
                i++;
                while (i < n && text.charAt(i) != '"') {
                    char c = text.charAt(i++);
                    if (c == '\\' && i < n) {
                        c = text.charAt(i++);
                    }
                    value.append(c);
                }
                i++; // the closing quote
            } else {
                while (i < n && text.charAt(i) != ',') {
                    value.append(text.charAt(i++));
                }
            }
            params.putIfAbsent(name, value.toString().strip());
        }
        return params;
    }
}
