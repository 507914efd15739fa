package org.camalarm.alarm;

import org.eclipse.jdt.annotation.Nullable;

/**
 * MAC address notation. Cameras write their MAC as {@code 98-ba-5f-8b-10-03} (VIGI),
 * {@code 5C-F2-07-49-0F-24} or {@code D094662C1A8D} (iVSEC), others with colons or Cisco-style
 * dots; camalarm stores and compares one form, {@code AA:BB:CC:DD:EE:FF}. Thread-safe.
 */
public final class Macs {

    /** Longer input is not a MAC in any notation (12 digits plus generous separators). */
    private static final int MAX_INPUT_LENGTH = 64;

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Macs() {}

    /**
     * The MAC in upper case with colons, from any notation: hex digits in either case separated
     * by any mix of {@code :}, {@code -}, {@code .} and spaces, or none. {@code null} when the
     * input is {@code null} or is not exactly 12 hex digits plus such separators. Never throws.
     */
    public static @Nullable String normalise(@Nullable String mac) {
        if (mac == null || mac.length() > MAX_INPUT_LENGTH) {
            return null;
        }
        char[] out = new char[17];
        int digits = 0;
        for (int i = 0; i < mac.length(); i++) {
            char c = mac.charAt(i);
            int value = Character.digit(c, 16);
            if (value >= 0 && c < 128) {
                if (digits == 12) {
                    return null;
                }
                out[(digits / 2) * 3 + digits % 2] = HEX[value]; // "AA:" per byte
                digits++;
            } else if (c != ':' && c != '-' && c != '.' && c != ' ') {
                return null;
            }
        }
        if (digits != 12) {
            return null;
        }
        for (int colon = 2; colon < 17; colon += 3) {
            out[colon] = ':';
        }
        return new String(out);
    }
}
