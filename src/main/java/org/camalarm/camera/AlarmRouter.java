package org.camalarm.camera;

import java.util.List;
import java.util.Optional;
import org.camalarm.alarm.Alarm;
import org.camalarm.auth.AuthResult;
import org.camalarm.auth.PresentedAuth;
import org.camalarm.inbox.Inbox;
import org.camalarm.thing.ThingHandler;
import org.camalarm.thing.ThingRegistry;
import org.camalarm.thing.ThingUID;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Finds the camera an alarm belongs to: the thing id in the URL, else the camera's MAC, else the
 * inbox (a camera that pushed before anyone configured it). Then hands it to the {@link AlarmJournal}
 * (the event history), when there is one, and returns only once it was recorded.
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
        MISCONFIGURED,
        /** The camera needs credentials the alarm did not carry as it must ({@link Delivery#auth()} says how). */
        UNAUTHORIZED
    }

    /**
     * @param thing the camera it went to, or {@code null}
     * @param auth  how the alarm's credentials compared with the camera's ({@code ACCEPTED} when it needs none)
     */
    public record Delivery(Route route, @Nullable ThingUID thing, AuthResult auth) {
        public Delivery(Route route, @Nullable ThingUID thing) {
            this(route, thing, AuthResult.ACCEPTED);
        }
    }

    private final ThingRegistry registry;
    private final Inbox inbox;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile @Nullable AlarmJournal journal;

    @Activate
    public AlarmRouter(@Reference ThingRegistry registry, @Reference Inbox inbox) {
        this.registry = registry;
        this.inbox = inbox;
    }

    /** {@link #route(Alarm, String, String, PresentedAuth)} for an alarm that presents no credentials. */
    public Delivery route(Alarm alarm, @Nullable String pathThingId, String remoteAddress) {
        return route(alarm, pathThingId, remoteAddress, PresentedAuth.NONE);
    }

    /**
     * Applies an alarm to its camera, if the sender may send as it (address, then credentials);
     * else keeps it in the inbox, or refuses it. Applied and inbox alarms are recorded.
     *
     * @throws AlarmJournal.NotRecordedException when the journal could not store it
     */
    public Delivery route(Alarm alarm, @Nullable String pathThingId, String remoteAddress, PresentedAuth presented) {
        Optional<CameraHandler> camera = pathThingId != null ? cameraById(pathThingId) : cameraByMac(alarm.mac());
        if (camera.isEmpty()) {
            ThingUID uid = inbox.add(alarm, pathThingId, remoteAddress);
            record(uid, alarm, List.of(), remoteAddress);
            return new Delivery(Route.INBOX, null);
        }
        CameraHandler handler = camera.get();
        if (!handler.isConfigured()) {
            return new Delivery(Route.MISCONFIGURED, handler.thing().uid());
        }
        if (!handler.allows(remoteAddress)) {
            return new Delivery(Route.FORBIDDEN, handler.thing().uid());
        }
        AuthResult auth = handler.authenticate(presented);
        if (auth != AuthResult.ACCEPTED) {
            return new Delivery(Route.UNAUTHORIZED, handler.thing().uid(), auth);
        }
        List<Detection> detections = handler.accept(alarm);
        record(handler.thing().uid(), alarm, detections, remoteAddress);
        return new Delivery(Route.DELIVERED, handler.thing().uid());
    }

    /** Records the alarm; events the camera did not judge (inbox, a thing being replaced) go as UNJUDGED. */
    private void record(ThingUID uid, Alarm alarm, List<Detection> detections, String remoteAddress) {
        AlarmJournal current = journal;
        if (current == null || alarm.events().isEmpty()) {
            return;
        }
        List<Detection> judged = detections.size() == alarm.events().size()
                ? detections
                : alarm.events().stream().map(Detection::unjudged).toList();
        current.record(uid, alarm, judged, remoteAddress);
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
