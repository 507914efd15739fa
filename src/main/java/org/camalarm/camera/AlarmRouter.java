package org.camalarm.camera;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camalarm.alarm.Alarm;
import org.camalarm.alarm.Channels;
import org.camalarm.auth.AuthResult;
import org.camalarm.auth.PresentedAuth;
import org.camalarm.camera.CameraFinder.Device;
import org.camalarm.inbox.Inbox;
import org.camalarm.text.Texts;
import org.camalarm.thing.ThingHandler;
import org.camalarm.thing.ThingRegistry;
import org.camalarm.thing.ThingUID;
import org.camalarm.time.OncePerMinute;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the camera an alarm belongs to: the thing id in the URL, else the camera's MAC (or the
 * device id of a device without MAC) and NVR channel ({@link CameraFinder}), else the inbox (a
 * camera that pushed before anyone configured it). Then hands it to the {@link AlarmJournal} (the
 * event history), when there is one, and returns only once it was recorded.
 *
 * <p>An NVR is one camera thing per channel (as openHAB's ipcamera binding models it): a push is
 * split by channel ({@link AlarmParts}) and each part routed on its own. A thing named in the URL
 * that has no channel configured takes the whole push; one configured with a channel takes its
 * channel's events (and those without a channel), and the others are routed as if the URL named
 * none, by the pushing device or, when the push names none, by the named thing's.
 *
 * <p>A push is one request with one answer: every camera it goes to is checked (configuration,
 * sender address, credentials) before any part is applied, and when one refuses, nothing is applied
 * or recorded, so a camera that retries with credentials does not deliver twice.
 */
@Component(service = AlarmRouter.class)
public class AlarmRouter {

    private static final Logger LOGGER = LoggerFactory.getLogger(AlarmRouter.class);

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
    /** Alarms to an unknown id from a configured camera's device: told at INFO once a minute. */
    private final OncePerMinute typos = new OncePerMinute();

    private final CameraFinder finder;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile @Nullable AlarmJournal journal;

    @Activate
    public AlarmRouter(@Reference ThingRegistry registry, @Reference Inbox inbox) {
        this.registry = registry;
        this.inbox = inbox;
        this.finder = new CameraFinder(registry);
    }

    /** {@link #route(Alarm, String, String, PresentedAuth)} for an alarm that presents no credentials. */
    public Delivery route(Alarm alarm, @Nullable String pathThingId, String remoteAddress) {
        return route(alarm, pathThingId, remoteAddress, PresentedAuth.NONE);
    }

    /**
     * Applies an alarm to its cameras, if the sender may send as each of them (configuration valid,
     * address, then credentials); parts no camera takes go to the inbox. Applied and inbox alarms
     * are recorded. When a camera refuses, the answer is its refusal (FORBIDDEN before UNAUTHORIZED
     * before MISCONFIGURED) and nothing is applied; else DELIVERED if a camera took a part (naming
     * the first), else INBOX.
     *
     * @throws AlarmJournal.NotRecordedException when the journal could not store it
     */
    public Delivery route(Alarm alarm, @Nullable String pathThingId, String remoteAddress, PresentedAuth presented) {
        CameraHandler named = null;
        if (pathThingId != null) {
            Optional<CameraHandler> camera = cameraById(pathThingId);
            if (camera.isEmpty()) {
                ThingUID uid =
                        inbox.add(alarm, pathThingId, remoteAddress, sameDevice(alarm, pathThingId, remoteAddress));
                record(uid, alarm, List.of(), remoteAddress);
                return new Delivery(Route.INBOX, null);
            }
            named = camera.get();
        }
        List<Target> targets = targets(alarm, named, remoteAddress);
        Delivery refused = null;
        CameraHandler refusing = null;
        for (Target target : targets) {
            CameraHandler camera = target.camera();
            Delivery refusal = camera == null ? null : refusal(camera, remoteAddress, presented);
            if (refusal != null && (refused == null || rank(refusal.route()) > rank(refused.route()))) {
                refused = refusal;
                refusing = camera;
            }
        }
        if (refused != null && refusing != null) {
            refusing.refused(remoteAddress, refused.route(), refused.auth());
            return refused;
        }
        Delivery outcome = new Delivery(Route.INBOX, null);
        for (Target target : targets) {
            CameraHandler camera = target.camera();
            if (camera == null) {
                toInbox(target.part(), remoteAddress);
                continue;
            }
            List<Detection> detections = camera.accept(target.part());
            record(camera.thing().uid(), target.part(), detections, remoteAddress);
            if (outcome.route() == Route.INBOX) {
                outcome = new Delivery(Route.DELIVERED, camera.thing().uid());
            }
        }
        return outcome;
    }

    /**
     * A made-up alarm for one camera (the UI's Simulate alarm): applied and recorded as a pushed one
     * is, without the sender's checks (whoever simulates is signed in to the hub).
     *
     * @throws AlarmJournal.NotRecordedException when the journal could not store it
     */
    public void simulate(CameraHandler camera, Alarm alarm) {
        record(camera.thing().uid(), alarm, camera.accept(alarm), "");
    }

    /** A part of a push and the camera it goes to, or {@code null}: the inbox. */
    private record Target(Alarm part, @Nullable CameraHandler camera) {}

    private List<Target> targets(Alarm alarm, @Nullable CameraHandler named, String remoteAddress) {
        if (named != null && named.channel() == null) {
            return List.of(new Target(alarm, named)); // the whole push, whatever its channels
        }
        Device device = Device.of(alarm);
        if (!device.isNamed() && named != null) {
            device = Device.of(named);
        }
        List<Target> targets = new ArrayList<>();
        for (Alarm part : AlarmParts.byChannel(alarm)) {
            String channel = AlarmParts.channel(part);
            List<CameraHandler> cameras = named != null && (channel == null || Channels.same(named.channel(), channel))
                    ? List.of(named)
                    : finder.find(part, device, remoteAddress);
            if (cameras.isEmpty() && (device.isNamed() || !part.isKeepalive())) {
                targets.add(new Target(part, null)); // a keepalive of nobody offers nothing to approve
            }
            cameras.forEach(camera -> targets.add(new Target(part, camera)));
        }
        return targets;
    }

    /** Why the camera refuses the sender, or {@code null} when it takes its alarms. */
    private static @Nullable Delivery refusal(CameraHandler camera, String remoteAddress, PresentedAuth presented) {
        ThingUID uid = camera.thing().uid();
        if (!camera.isConfigured()) {
            return new Delivery(Route.MISCONFIGURED, uid);
        }
        if (!camera.allows(remoteAddress)) {
            return new Delivery(Route.FORBIDDEN, uid);
        }
        AuthResult auth = camera.authenticate(presented);
        return auth == AuthResult.ACCEPTED ? null : new Delivery(Route.UNAUTHORIZED, uid, auth);
    }

    /**
     * Which answer a push split between cameras gets: the higher wins. A refusal that credentials
     * cannot cure comes first; one they can cure before a broken configuration, so the sender learns
     * what it can fix.
     */
    private static int rank(Route route) {
        return switch (route) {
            case INBOX -> 0;
            case DELIVERED -> 1;
            case MISCONFIGURED -> 2;
            case UNAUTHORIZED -> 3;
            case FORBIDDEN -> 4;
        };
    }

    private void toInbox(Alarm alarm, String remoteAddress) {
        ThingUID uid = inbox.add(alarm, null, remoteAddress, null);
        record(uid, alarm, List.of(), remoteAddress);
    }

    /**
     * The camera whose device (MAC, device id) an alarm to an unknown thing id comes from, if one is
     * configured: most likely a typo in the camera's path, which the user must hear of, since the
     * alarms now go to the inbox and no longer to the camera and its rules.
     */
    private @Nullable ThingUID sameDevice(Alarm alarm, String pathThingId, String remoteAddress) {
        Device device = Device.of(alarm);
        if (!device.isNamed()) {
            return null;
        }
        List<CameraHandler> cameras = finder.find(alarm, device, remoteAddress);
        if (cameras.isEmpty()) {
            return null;
        }
        ThingUID known = cameras.get(0).thing().uid();
        typos.log(
                LOGGER,
                "Alarm from {} to the unknown thing id {} comes from the device of {}: kept in the inbox. If it is"
                        + " that camera, its alarm path should end in /{}",
                remoteAddress,
                Texts.quoted(pathThingId),
                known,
                known.thingId());
        return known;
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
}
