package org.camalarm.camera;

import java.time.ZonedDateTime;
import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;

/**
 * What the event history remembers of a camera, given back to its thing after a restart
 * ({@link CameraHandler#restore}): properties it reported, its last event and snapshot, when it was
 * last heard from, and the detection channels its recent events had (channel id to event type): a
 * channel a camera made at the first event of a new type is there again for the rules that use it.
 * {@code null} for what is not known.
 */
public record CameraMemory(
        Map<String, String> properties,
        @Nullable String lastEventType,
        @Nullable ZonedDateTime lastEventTime,
        @Nullable String lastEventData,
        byte @Nullable [] image,
        @Nullable ZonedDateTime imageTime,
        @Nullable ZonedDateTime lastSeen,
        Map<String, String> channels) {}
