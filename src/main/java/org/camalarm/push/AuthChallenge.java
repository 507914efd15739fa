package org.camalarm.push;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;

/**
 * One challenge of a {@code WWW-Authenticate} header (RFC 9110 section 11.6.1): a scheme and its
 * parameters. A header may carry several challenges, and a reply several headers;
 * {@link #parseAll(List)} reads them all, tolerating commas and escaped quotes inside quoted
 * strings and unknown schemes with token68 values.
 *
 * @param scheme the scheme as sent ({@code Digest}, {@code Basic}, ...)
 * @param params parameters by lower-case name, values unquoted and unescaped, in order
 */
record AuthChallenge(String scheme, Map<String, String> params) {

    AuthChallenge {
        params = Map.copyOf(params);
    }

    /** Every challenge of every header value, in order. Unreadable bits are skipped, never thrown. */
    static List<AuthChallenge> parseAll(List<String> headerValues) {
        List<AuthChallenge> challenges = new ArrayList<>();
        for (String value : headerValues) {
            parse(value, challenges);
        }
        return challenges;
    }

    /** The parameter's value, or {@code null}. */
    @Nullable
    String param(String name) {
        return params.get(name.toLowerCase(Locale.ROOT));
    }

    boolean isScheme(String name) {
        return scheme.equalsIgnoreCase(name);
    }

    private static void parse(String header, List<AuthChallenge> out) {
        Cursor in = new Cursor(header);
        String scheme = null;
        Map<String, String> params = new LinkedHashMap<>();
        while (true) {
            in.skip(" \t,");
            if (in.atEnd()) {
                break;
            }
            String token = in.token();
            if (token.isEmpty()) {
                in.pos++; // a stray character such as the '=' padding of a token68
                continue;
            }
            in.skip(" \t");
            if (scheme != null && in.peek() == '=' && in.peekAt(1) != '=') {
                in.pos++;
                in.skip(" \t");
                String value = in.peek() == '"' ? in.quoted() : in.token();
                params.putIfAbsent(token.toLowerCase(Locale.ROOT), value);
            } else {
                if (scheme != null) {
                    out.add(new AuthChallenge(scheme, params));
                }
                scheme = token;
                params = new LinkedHashMap<>();
            }
        }
        if (scheme != null) {
            out.add(new AuthChallenge(scheme, params));
        }
    }

    /** A read position in a header value. */
    private static final class Cursor {
        private static final String TCHAR_EXTRA = "!#$%&'*+-.^_`|~/";
        private final String text;
        private int pos;

        Cursor(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return pos >= text.length();
        }

        char peek() {
            return peekAt(0);
        }

        char peekAt(int ahead) {
            return pos + ahead < text.length() ? text.charAt(pos + ahead) : '\0';
        }

        void skip(String chars) {
            while (!atEnd() && chars.indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
        }

        String token() {
            int start = pos;
            while (!atEnd()) {
                char c = text.charAt(pos);
                if (c < 0x80 && (Character.isLetterOrDigit(c) || TCHAR_EXTRA.indexOf(c) >= 0)) {
                    pos++;
                } else {
                    break;
                }
            }
            return text.substring(start, pos);
        }

        /** A quoted-string starting at the current {@code "}; an unterminated one runs to the end. */
        String quoted() {
            StringBuilder value = new StringBuilder();
            pos++;
            while (!atEnd()) {
                char c = text.charAt(pos++);
                if (c == '"') {
                    break;
                }
                if (c == '\\' && !atEnd()) {
                    c = text.charAt(pos++);
                }
                value.append(c);
            }
            return value.toString();
        }
    }
}
