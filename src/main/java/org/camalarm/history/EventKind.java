package org.camalarm.history;

import java.util.Locale;
import org.eclipse.jdt.annotation.Nullable;

/** What a history entry records: an alarm from a camera, a push to a device, or a rule firing. */
public enum EventKind {
    ALARM,
    PUSH,
    RULE;

    /** As REST names it: {@code alarm}, {@code push}, {@code rule}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    static EventKind of(int code) {
        EventKind[] all = values();
        return code >= 0 && code < all.length ? all[code] : ALARM;
    }

    /** The kind named {@code text} (any case), or {@code null}. */
    public static @Nullable EventKind parse(String text) {
        for (EventKind kind : values()) {
            if (kind.text().equalsIgnoreCase(text)) {
                return kind;
            }
        }
        return null;
    }
}
