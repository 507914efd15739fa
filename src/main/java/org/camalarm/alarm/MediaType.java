package org.camalarm.alarm;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A parsed {@code Content-Type} (RFC 9110 §8.3.1) or {@code Content-Disposition} (RFC 6266)
 * value: the lower-case first token and the parameters, names lower-cased, values unquoted
 * (RFC 9110 §5.6.6 quoted-string with backslash escapes). Parsing never fails: a value it cannot
 * read yields fewer parameters, never an exception.
 *
 * @param type       {@code type/subtype} (or the disposition type) in lower case; empty when
 *                   the header is absent
 * @param parameters parameter values by lower-case name; the first occurrence wins
 */
record MediaType(String type, Map<String, String> parameters) {

    static final MediaType NONE = new MediaType("", Map.of());

    static MediaType parse(@Nullable String header) {
        if (header == null) {
            return NONE;
        }
        int semi = header.indexOf(';');
        String type = (semi < 0 ? header : header.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
        if (semi < 0) {
            return new MediaType(type, Map.of());
        }
        Map<String, String> parameters = new HashMap<>(4);
        int i = semi + 1;
        int n = header.length();
        while (i < n) {
            int nameStart = i;
            while (i < n && header.charAt(i) != '=' && header.charAt(i) != ';') {
                i++;
            }
            String name = header.substring(nameStart, i).strip().toLowerCase(Locale.ROOT);
            if (i == n || header.charAt(i) == ';') {
                i++; // a parameter without a value: skipped
                continue;
            }
            i++; // '='
            while (i < n && (header.charAt(i) == ' ' || header.charAt(i) == '\t')) {
                i++;
            }
            String value;
            if (i < n && header.charAt(i) == '"') {
                StringBuilder quoted = new StringBuilder();
                i++;
                while (i < n && header.charAt(i) != '"') {
                    char c = header.charAt(i++);
                    if (c == '\\' && i < n) {
                        c = header.charAt(i++);
                    }
                    quoted.append(c);
                }
                value = quoted.toString();
                while (i < n && header.charAt(i) != ';') {
                    i++; // the closing quote and anything up to the next parameter
                }
            } else {
                int valueStart = i;
                while (i < n && header.charAt(i) != ';') {
                    i++;
                }
                value = header.substring(valueStart, i).strip();
            }
            i++;
            if (!name.isEmpty()) {
                parameters.putIfAbsent(name, value);
            }
        }
        return new MediaType(type, parameters);
    }

    /** A parameter's value by lower-case name, or {@code null}. */
    @Nullable
    String parameter(String name) {
        return parameters.get(name);
    }

    boolean isJson() {
        return isJsonType(type);
    }

    /** Whether a lower-case {@code type/subtype} is JSON ({@code application/json}, {@code *+json}). */
    static boolean isJsonType(String type) {
        return type.equals("application/json") || type.equals("text/json") || type.endsWith("+json");
    }

    boolean isXml() {
        return isXmlType(type);
    }

    /** Whether a lower-case {@code type/subtype} is XML ({@code application/xml}, {@code text/xml}, {@code *+xml}). */
    static boolean isXmlType(String type) {
        return type.equals("application/xml") || type.equals("text/xml") || type.endsWith("+xml");
    }

    boolean isMultipart() {
        return type.startsWith("multipart/");
    }

    boolean isForm() {
        return type.equals("application/x-www-form-urlencoded");
    }
}
