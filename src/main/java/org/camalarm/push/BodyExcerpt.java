package org.camalarm.push;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Short, safe excerpts of reply bodies for {@link PushResult#body()}: runs of whitespace and
 * control characters become one space, secrets are masked, and the text is cut to
 * {@link PushResult#MAX_BODY} characters (the last one an ellipsis when cut). Stateless.
 */
final class BodyExcerpt {

    private static final String MASK = "***";

    private BodyExcerpt() {}

    /**
     * The excerpt of {@code body} with every occurrence of {@code password}, and of the Basic
     * token of {@code username:password}, replaced by {@code ***}.
     *
     * @param password the secret to mask; empty for none
     */
    static String of(String body, String username, String password) {
        String text = body;
        if (!password.isEmpty()) {
            String basic =
                    Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
            text = text.replace(basic, MASK).replace(password, MASK);
        }
        return of(text, "");
    }

    /** The excerpt of {@code body}, masking {@code password} when not empty. */
    static String of(String body, String password) {
        String text = password.isEmpty() ? body : body.replace(password, MASK);
        StringBuilder out = new StringBuilder(Math.min(text.length(), PushResult.MAX_BODY));
        boolean space = false;
        for (int i = 0; i < text.length() && out.length() <= PushResult.MAX_BODY; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || Character.isWhitespace(c)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(c);
        }
        if (out.length() > PushResult.MAX_BODY) {
            int cut = PushResult.MAX_BODY - 1;
            out.setLength(Character.isHighSurrogate(out.charAt(cut - 1)) ? cut - 1 : cut);
            out.append('…');
        }
        return out.toString();
    }

    /** The first non-blank line of {@code body}, cleaned like {@link #of(String, String)} and cut to {@code max} characters. */
    static String firstLine(String body, int max) {
        String line = "";
        for (String l : body.strip().lines().toList()) {
            if (!l.isBlank()) {
                line = l;
                break;
            }
        }
        String clean = of(line, "");
        return clean.length() <= max ? clean : clean.substring(0, max - 1) + "…";
    }
}
