package org.camalarm.mqtt;

import java.util.List;
import org.eclipse.jdt.annotation.Nullable;

/**
 * What discovery needs to know of a thing, read from the live thing once ({@link ThingViews}):
 * plain values, so {@link Discovery} is a pure function of them.
 *
 * @param uid              the thing UID, {@code camalarm:<type>:<id>}
 * @param mac              {@code aa:bb:cc:dd:ee:ff} (lower case, as Home Assistant's connections want it), or {@code null}
 * @param configurationUrl the thing's page in camalarm's UI (absolute), or {@code null} when the hub's address is unknown
 * @param channels         the state channels, in the thing's order
 */
record ThingView(
        String thingId,
        String uid,
        Kind kind,
        String label,
        String manufacturer,
        String model,
        @Nullable String mac,
        @Nullable String configurationUrl,
        List<Channel> channels) {

    enum Kind {
        CAMERA,
        PUSH_TARGET
    }

    /** A state channel: {@code itemType} as openHAB names it ({@code Switch}, {@code DateTime}, {@code Image}, ...). */
    record Channel(String id, String label, String itemType) {}
}
