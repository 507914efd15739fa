package org.camalarm.rule;

import org.eclipse.jdt.annotation.Nullable;

/** Small text helpers for messages that quote configuration or event values. */
final class Texts {

    /** Longest quoted value in a message. */
    private static final int MAX_QUOTED = 64;

    private Texts() {}

    /** {@code s}, cut to {@value #MAX_QUOTED} characters with an ellipsis; {@code "null"} for {@code null}. */
    static String abbreviate(@Nullable String s) {
        return s == null ? "null" : s.length() > MAX_QUOTED ? s.substring(0, MAX_QUOTED) + "…" : s;
    }
}
