package org.camalarm.alarm;

import java.util.HashMap;
import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;

/**
 * One vendor's own names for its detections, mapped onto canonical types (TVT's {@code vehiceAlarm}
 * is a vehicle, its NVR's {@code vehicle} a licence plate). A name the vendor table does not hold
 * falls back to {@link EventTypes#canonical(String)}, so nothing reported is dropped. Names match as
 * in {@link EventTypes}: ignoring case and punctuation. Immutable after construction, thread-safe.
 */
final class VendorTypes {

    private final Map<String, String> table = new HashMap<>();

    /** @param pairs raw name, canonical type, raw name, canonical type, ... */
    VendorTypes(String... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("raw names and canonical types come in pairs");
        }
        for (int i = 0; i < pairs.length; i += 2) {
            String previous = table.put(EventTypes.key(pairs[i]), pairs[i + 1]);
            if (previous != null && !previous.equals(pairs[i + 1])) {
                throw new IllegalStateException(pairs[i] + " maps to both " + previous + " and " + pairs[i + 1]);
            }
        }
    }

    /** The canonical type of a vendor name. */
    String canonical(String raw) {
        String known = known(raw);
        return known != null ? known : EventTypes.canonical(raw);
    }

    /** The canonical type when the vendor table names it, else {@code null}. */
    @Nullable
    String known(String raw) {
        return table.get(EventTypes.key(raw));
    }
}
