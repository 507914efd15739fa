package org.camalarm.text;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Quoting text that someone else wrote (a camera, a configuration file) into a message or a log
 * line: cut to a bounded length, control characters replaced, so a hostile value can neither flood
 * nor forge a line. Thread-safe.
 */
public final class Texts {

    /** Longest quoted value in a message, unless the caller asks for another. */
    public static final int MAX_CHARS = 64;

    private Texts() {}

    /** {@code text} cut to {@code maxChars} characters with {@code …}, control characters as {@code ?}; {@code null} as {@code null}. */
    public static String shortened(@Nullable String text, int maxChars) {
        if (text == null) {
            return "null";
        }
        int n = Math.min(text.length(), maxChars);
        StringBuilder out = new StringBuilder(n + 1);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        if (text.length() > maxChars) {
            out.append('…');
        }
        return out.toString();
    }

    /** {@link #shortened(String, int)} at {@value #MAX_CHARS} characters. */
    public static String shortened(@Nullable String text) {
        return shortened(text, MAX_CHARS);
    }

    /** {@code "text"}, {@link #shortened(String, int) shortened}; {@code null} unquoted. */
    public static String quoted(@Nullable String text, int maxChars) {
        return text == null ? "null" : '"' + shortened(text, maxChars) + '"';
    }

    /** {@link #quoted(String, int)} at {@value #MAX_CHARS} characters. */
    public static String quoted(@Nullable String text) {
        return quoted(text, MAX_CHARS);
    }
}
