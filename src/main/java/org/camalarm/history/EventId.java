package org.camalarm.history;

import java.util.HexFormat;
import org.eclipse.jdt.annotation.Nullable;

/**
 * An event's public id: its time-sortable id and its position in the log, 32 hex digits. Sorting
 * the strings sorts by time; the position lets the store read the event, or continue a page after
 * it, with one read.
 */
public record EventId(long id, long position) {

    private static final HexFormat HEX = HexFormat.of();

    public String text() {
        return HEX.toHexDigits(id) + HEX.toHexDigits(position);
    }

    @Override
    public String toString() {
        return text();
    }

    /** The id written as {@link #text()}, or {@code null} when {@code text} is not one. */
    public static @Nullable EventId parse(@Nullable String text) {
        if (text == null || text.length() != 32) {
            return null;
        }
        for (int i = 0; i < 32; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return null;
            }
        }
        return new EventId(HexFormat.fromHexDigitsToLong(text, 0, 16), HexFormat.fromHexDigitsToLong(text, 16, 32));
    }
}
