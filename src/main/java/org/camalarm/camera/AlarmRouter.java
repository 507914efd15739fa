package org.camalarm.camera;

import java.util.List;
import java.util.Optional;
import org.camalarm.alarm.Alarm;
import org.camalarm.camera.CameraFinder.Device;
import org.camalarm.inbox.Inbox;
import org.camalarm.thing.ThingHandler;
import org.camalarm.thing.ThingRegistry;
import org.camalarm.thing.ThingUID;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Finds the camera an alarm belongs to: the thing id in the URL, else the camera's MAC (or the
 * device id of a device without MAC) and NVR channel ({@link CameraFinder}), else the inbox (a
 * camera that pushed before anyone configured it).
 *
 * <p>An NVR is one camera thing per channel (as openHAB's ipcamera binding models it): a push is
 * split by channel ({@link AlarmParts}) and each part routed on its own. A thing named in the URL
 * that has no channel configured takes the whole push, as before; one configured with a channel
 * takes its channel's events (and those without a channel), and the others are routed as if the
 * URL named none, by the pushing device or, when the push names none, by the named thing's.
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
        FORBIDDEN
    }

    /** @param thing the camera it went to, or {@code null} */
    public record Delivery(Route route, @Nullable ThingUID thing) {}

    private final ThingRegistry registry;
    private final Inbox inbox;
    private final CameraFinder finder;

    @Activate
    public AlarmRouter(@Reference ThingRegistry registry, @Reference Inbox inbox) {
        this.registry = registry;
        this.inbox = inbox;
        this.finder = new CameraFinder(registry);
    }

    /**
     * Delivers the alarm. When it is split between several cameras, the answer is FORBIDDEN if any
     * camera refused the sender, else DELIVERED if any took a part (naming the first), else INBOX.
     */
    public Delivery route(Alarm alarm, @Nullable String pathThingId, String remoteAddress) {
        CameraHandler named = null;
        if (pathThingId != null) {
            Optional<CameraHandler> camera = cameraById(pathThingId);
            if (camera.isEmpty() || !camera.get().isConfigured()) {
                inbox.add(alarm, pathThingId, remoteAddress);
                return new Delivery(Route.INBOX, null);
            }
            named = camera.get();
            if (named.channel() == null) {
                return deliver(named, alarm, remoteAddress);
            }
        }
        Device device = Device.of(alarm);
        if (!device.isNamed() && named != null) {
            device = Device.of(named);
        }
        Delivery outcome = new Delivery(Route.INBOX, null);
        for (Alarm part : AlarmParts.byChannel(alarm)) {
            String channel = AlarmParts.channel(part);
            List<CameraHandler> cameras = named != null && (channel == null || Channels.same(named.channel(), channel))
                    ? List.of(named)
                    : finder.find(part, device, remoteAddress);
            if (cameras.isEmpty() && (device.isNamed() || !part.isKeepalive())) {
                inbox.add(part, null, remoteAddress); // a keepalive of nobody offers nothing to approve
            }
            for (CameraHandler camera : cameras) {
                outcome = merge(outcome, deliver(camera, part, remoteAddress));
            }
        }
        return outcome;
    }

    private static Delivery deliver(CameraHandler camera, Alarm alarm, String remoteAddress) {
        if (!camera.allows(remoteAddress)) {
            return new Delivery(Route.FORBIDDEN, camera.thing().uid());
        }
        camera.accept(alarm);
        return new Delivery(Route.DELIVERED, camera.thing().uid());
    }

    /** FORBIDDEN wins over DELIVERED, which wins over INBOX; the first of a kind is kept. */
    private static Delivery merge(Delivery so, Delivery next) {
        return rank(next.route()) > rank(so.route()) ? next : so;
    }

    private static int rank(Route route) {
        return switch (route) {
            case INBOX -> 0;
            case DELIVERED -> 1;
            case FORBIDDEN -> 2;
        };
    }

    private Optional<CameraHandler> cameraById(String thingId) {
        Optional<ThingHandler> handler = registry.byId(thingId);
        return handler.filter(CameraHandler.class::isInstance).map(CameraHandler.class::cast);
    }
}
