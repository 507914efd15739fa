package org.camalarm.inbox;

import java.time.Instant;
import java.util.Map;
import org.camalarm.thing.ThingUID;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A camera that pushed before anyone configured it.
 *
 * @param thingUID      the thing it becomes when approved
 * @param label         a suggested label (the camera's own name when it sent one)
 * @param properties    what the camera told about itself: mac, ip, device name, the address it pushed from
 * @param lastEventType the canonical type of its latest event
 * @param renamable     whether its thing may get another id than {@code thingUID}'s: the camera is
 *                      found by its MAC or device id, and its alarm path names no thing id (a path's id
 *                      is the only thing that takes its alarms)
 */
public record InboxEntry(
        ThingUID thingUID,
        String label,
        Map<String, String> properties,
        Instant firstSeen,
        Instant lastSeen,
        long pushes,
        @Nullable String lastEventType,
        boolean renamable) {}
