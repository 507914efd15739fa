package org.camalarm.camera;

import org.camalarm.alarm.Channels;
import org.camalarm.config.ConfigReader;
import org.camalarm.thing.ThingEvents;
import org.camalarm.thing.ThingRegistry;
import org.camalarm.time.Timers;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The services every camera thing needs, in one reference. */
@Component(service = CameraServices.class)
public class CameraServices {

    private static final Logger LOGGER = LoggerFactory.getLogger(CameraServices.class);

    final ThingRegistry registry;
    final ThingEvents events;
    final Timers timers;
    final ConfigReader configs;
    private volatile @Nullable CameraMemories memories;

    @Activate
    public CameraServices(
            @Reference ThingRegistry registry,
            @Reference ThingEvents events,
            @Reference Timers timers,
            @Reference ConfigReader configs) {
        this.registry = registry;
        this.events = events;
        this.timers = timers;
        this.configs = configs;
    }

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindMemories(CameraMemories appeared) {
        memories = appeared;
        registry.all(CameraHandler.class).forEach(appeared::recall); // the cameras that started before it
    }

    void unbindMemories(CameraMemories gone) {
        if (memories == gone) {
            memories = null;
        }
    }

    /** A camera thing started: it gets back what is remembered of it, if anything is. */
    void started(CameraHandler camera) {
        warnOfTwins(camera);
        CameraMemories current = memories;
        if (current != null) {
            current.recall(camera);
        }
    }

    /**
     * Two cameras that name the same device (MAC or device id) and the same NVR channel, or no
     * channel, both take each of its alarms: rules fire twice. Allowed (a second thing may be on
     * purpose), but said.
     */
    /** As the router tells channels apart: none equals none, "1" equals "01". */
    private static boolean sameChannel(@Nullable String a, @Nullable String b) {
        return a == null || b == null ? a == b : Channels.same(a, b);
    }

    private void warnOfTwins(CameraHandler camera) {
        String mac = camera.configuredMac();
        String deviceId = camera.configuredDeviceId();
        if (mac == null && deviceId == null) {
            return;
        }
        for (CameraHandler other : registry.all(CameraHandler.class)) {
            boolean sameDevice = (mac != null && mac.equals(other.configuredMac()))
                    || (deviceId != null && deviceId.equals(other.configuredDeviceId()));
            if (other != camera && sameDevice && sameChannel(camera.channel(), other.channel())) {
                LOGGER.warn(
                        "{} and {} are the same camera ({}{}): each of its alarms goes to both",
                        camera.thing().uid(),
                        other.thing().uid(),
                        mac != null ? "MAC " + mac : "device " + deviceId,
                        camera.channel() == null ? "" : ", channel " + camera.channel());
                return;
            }
        }
    }
}
