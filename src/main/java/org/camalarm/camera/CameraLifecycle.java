package org.camalarm.camera;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camalarm.alarm.Alarm.Vendor;
import org.camalarm.thing.ChannelDefinition;
import org.camalarm.thing.Thing;
import org.camalarm.thing.ThingConfigurations;
import org.camalarm.thing.ThingEvents;
import org.camalarm.thing.ThingRegistry;
import org.camalarm.thing.ThingStatusInfo;
import org.camalarm.thing.ThingStatusInfo.Detail;
import org.camalarm.thing.ThingUID;
import org.camalarm.time.Timers;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the camera components share: turn a configuration into a registered camera thing, and
 * take it away again. A bad configuration still shows as a thing, OFFLINE with the reason.
 */
final class CameraLifecycle {

    private static final Logger LOGGER = LoggerFactory.getLogger(CameraLifecycle.class);
    private final ThingRegistry registry;
    private final @Nullable CameraHandler handler;

    private CameraLifecycle(ThingRegistry registry, @Nullable CameraHandler handler) {
        this.registry = registry;
        this.handler = handler;
    }

    static CameraLifecycle start(
            Vendor vendor,
            Map<String, Object> properties,
            ThingRegistry registry,
            ThingEvents events,
            Timers timers,
            Supplier<CameraSettings> settingsReader) {
        String thingId;
        try {
            thingId = ThingConfigurations.thingId(properties);
        } catch (IllegalArgumentException e) {
            LOGGER.error("Camera configuration {} ignored: {}", properties.get("service.pid"), e.getMessage());
            return new CameraLifecycle(registry, null);
        }
        ThingUID uid = new ThingUID(vendor.thingType(), thingId);
        @Nullable CameraSettings settings = null;
        @Nullable String problem = null;
        try {
            settings = settingsReader.get();
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
        }
        List<ChannelDefinition> channels = new ArrayList<>(CameraChannels.DETECTIONS);
        channels.addAll(CameraChannels.STATUS);
        String label = String.valueOf(properties.getOrDefault("label", vendor.thingType()));
        Thing thing = new Thing(
                uid,
                label,
                settings == null ? Map.of() : settings.asConfiguration(),
                ThingConfigurations.isEditable(properties),
                channels,
                events);
        CameraHandler handler = new CameraHandler(thing, settings, timers);
        if (problem != null) {
            thing.setStatus(ThingStatusInfo.offline(Detail.CONFIGURATION_ERROR, problem));
        }
        return new CameraLifecycle(registry, registry.add(handler) ? handler : null);
    }

    void stop() {
        CameraHandler started = handler;
        if (started != null) {
            registry.unregister(started);
            started.dispose();
        }
    }
}
