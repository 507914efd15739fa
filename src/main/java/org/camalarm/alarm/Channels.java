package org.camalarm.alarm;

import org.eclipse.jdt.annotation.Nullable;

/**
 * NVR channel names as devices send them ({@code "3"}, {@code 34}, {@code "03"}) and users type
 * them: compared after stripping blanks and, for numbers, leading zeros, so {@code 03} is channel 3.
 */
public final class Channels {

    private Channels() {}

    /** The comparable form, or {@code null} for none. */
    public static @Nullable String normalise(@Nullable String channel) {
        if (channel == null || channel.isBlank()) {
            return null;
        }
        String s = channel.strip();
        int i = 0;
        while (i < s.length() - 1 && s.charAt(i) == '0' && isDigits(s)) {
            i++;
        }
        return s.substring(i);
    }

    /** Whether two channels are the same channel; {@code null} is no channel and equals nothing. */
    public static boolean same(@Nullable String a, @Nullable String b) {
        String x = normalise(a);
        return x != null && x.equals(normalise(b));
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
