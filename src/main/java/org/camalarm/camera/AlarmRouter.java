package org.camalarm.camera;

import java.util.Optional;
import org.camalarm.alarm.Alarm;
import org.camalarm.inbox.Inbox;
import org.camalarm.thing.ThingHandler;
import org.camalarm.thing.ThingRegistry;
import org.camalarm.thing.ThingUID;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Finds the camera an alarm belongs to: the thing id in the URL, else the camera's MAC, else the
 * inbox (a camera that pushed before anyone configured it).
 */
@Component(service = AlarmRouter.class)
public class AlarmRouter {

    /** What became of an alarm. */
    public enum Route {
        /** Applied to a camera thing. */
        DELIVERED,
        /** Kept in the inbox: no configured camera matches. */
        INBOX,
        /** The camera exists but the sender's address is not allowed to push alarms as it. */
        FORBIDDEN,
        /** The camera exists but its configuration is invalid: it takes no alarms until fixed. */
        MISCONFIGURED
    }

    /** @param thing the camera it went to, or {@code null} */
    public record Delivery(Route route, @Nullable ThingUID thing) {}

    private final ThingRegistry registry;
    private final Inbox inbox;

    @Activate
    public AlarmRouter(@Reference ThingRegistry registry, @Reference Inbox inbox) {
        this.registry = registry;
        this.inbox = inbox;
    }

    public Delivery route(Alarm alarm, @Nullable String pathThingId, String remoteAddress) {
        Optional<CameraHandler> camera = pathThingId != null ? cameraById(pathThingId) : cameraByMac(alarm.mac());
        if (camera.isEmpty()) {
            inbox.add(alarm, pathThingId, remoteAddress);
            return new Delivery(Route.INBOX, null);
        }
        CameraHandler handler = camera.get();
        if (!handler.isConfigured()) {
            return new Delivery(Route.MISCONFIGURED, handler.thing().uid());
        }
        if (!handler.allows(remoteAddress)) {
            return new Delivery(Route.FORBIDDEN, handler.thing().uid());
        }
        handler.accept(alarm);
        return new Delivery(Route.DELIVERED, handler.thing().uid());
    }

    private Optional<CameraHandler> cameraById(String thingId) {
        Optional<ThingHandler> handler = registry.byId(thingId);
        return handler.filter(CameraHandler.class::isInstance).map(CameraHandler.class::cast);
    }

    /** The configured MAC wins; a MAC the camera reported earlier (learned) is the fallback. */
    private Optional<CameraHandler> cameraByMac(@Nullable String mac) {
        if (mac == null) {
            return Optional.empty();
        }
        Optional<CameraHandler> configured = registry.find(CameraHandler.class, h -> mac.equals(h.configuredMac()));
        return configured.isPresent()
                ? configured
                : registry.find(CameraHandler.class, h -> mac.equals(h.thing().property("macAddress")));
    }
}
