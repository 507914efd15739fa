package org.camalarm.history;

import java.util.Locale;
import org.eclipse.jdt.annotation.Nullable;

/**
 * What an alarm said of its detection ({@code start}, {@code stop}, {@code pulse}, {@code active}: a
 * Hikvision or TVT smart-data report that the detection goes on); NONE for pushes and rules. Stored
 * by ordinal: new actions go at the end.
 */
public enum EventAction {
    NONE,
    START,
    STOP,
    PULSE,
    ACTIVE;

    /** As REST shows it, or {@code null} for NONE. */
    public @Nullable String text() {
        return this == NONE ? null : name().toLowerCase(Locale.ROOT);
    }

    static EventAction of(int code) {
        EventAction[] all = values();
        return code >= 0 && code < all.length ? all[code] : NONE;
    }
}
