package org.camalarm.camera;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camalarm.alarm.Alarm.Vendor;
import org.camalarm.config.ConfigReading;
import org.camalarm.config.ConfigSource;
import org.camalarm.thing.ChannelDefinition;
import org.camalarm.thing.Thing;
import org.camalarm.thing.ThingConfigurations;
import org.camalarm.thing.ThingStatusInfo;
import org.camalarm.thing.ThingStatusInfo.Detail;
import org.camalarm.thing.ThingUID;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the camera components share: read a configuration through its interface, turn it into a
 * registered camera thing, and take it away again. A bad configuration still shows as a thing,
 * OFFLINE/CONFIGURATION_ERROR with the reason.
 */
final class CameraLifecycle {

    private static final Logger LOGGER = LoggerFactory.getLogger(CameraLifecycle.class);
    private final CameraServices services;
    private final @Nullable CameraHandler handler;

    private CameraLifecycle(CameraServices services, @Nullable CameraHandler handler) {
        this.services = services;
        this.handler = handler;
    }

    static <C extends CameraConfig> CameraLifecycle start(
            Vendor vendor, String pid, Class<C> configType, Map<String, Object> properties, CameraServices services) {
        String thingId;
        try {
            thingId = ThingConfigurations.thingId(properties);
        } catch (IllegalArgumentException e) {
            LOGGER.warn("{}: camera not created: {}", ConfigSource.of(properties), e.getMessage());
            return new CameraLifecycle(services, null);
        }
        ThingUID uid = new ThingUID(vendor.thingType(), thingId);
        ConfigReading<C> reading = services.configs.read(configType, pid, properties);
        C config = reading.values();
        CameraSettings settings = null;
        String problem = reading.ok() ? null : reading.summary();
        if (problem == null) {
            try {
                settings = CameraSettings.of(config);
            } catch (IllegalArgumentException e) {
                problem = String.valueOf(e.getMessage());
            }
        }
        List<ChannelDefinition> channels = new ArrayList<>(CameraChannels.DETECTIONS);
        channels.addAll(CameraChannels.STATUS);
        String label = config.label().isEmpty() ? vendor.thingType() : config.label();
        Thing thing = new Thing(
                        uid,
                        label,
                        reading.shown(),
                        ThingConfigurations.isEditable(properties),
                        channels,
                        services.events)
                .untilRegistered();
        CameraHandler handler = new CameraHandler(thing, settings, services.timers);
        String source = ConfigSource.of(properties);
        if (problem != null) {
            thing.setStatus(ThingStatusInfo.offline(Detail.CONFIGURATION_ERROR, problem));
            if (reading.ok()) {
                LOGGER.warn("{}: {}", source, problem);
            }
        }
        reading.problems().forEach(p -> LOGGER.warn("{}: {}", source, p));
        if (!services.registry.add(handler, source)) {
            handler.dispose(); // its watchdog's timer
            return new CameraLifecycle(services, null);
        }
        services.started(handler);
        return new CameraLifecycle(services, handler);
    }

    void stop() {
        CameraHandler started = handler;
        if (started != null) {
            services.registry.unregister(started);
            started.dispose();
        }
    }
}
