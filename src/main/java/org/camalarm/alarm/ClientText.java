package org.camalarm.alarm;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Client-sent text as it may appear in an error detail: quoted, at most {@value #MAX_CHARS}
 * characters, control characters replaced, so a hostile body cannot flood or forge a log line.
 */
final class ClientText {

    static final int MAX_CHARS = 40;

    private ClientText() {}

    /** {@code "text"}, cut to {@value #MAX_CHARS} characters with {@code ...} when longer. */
    static String quote(@Nullable String text) {
        if (text == null) {
            return "null";
        }
        int n = Math.min(text.length(), MAX_CHARS);
        StringBuilder out = new StringBuilder(n + 5).append('"');
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        if (text.length() > MAX_CHARS) {
            out.append("...");
        }
        return out.append('"').toString();
    }
}
