package org.camalarm.camera;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camalarm.alarm.Alarm;
import org.camalarm.alarm.AlarmEvent;
import org.camalarm.auth.AuthResult;
import org.camalarm.auth.Credentials;
import org.camalarm.auth.PresentedAuth;
import org.camalarm.image.ImageBytes;
import org.camalarm.thing.State;
import org.camalarm.thing.Thing;
import org.camalarm.thing.ThingHandler;
import org.camalarm.time.Timers;
import org.camalarm.time.Timers.Cancellable;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a camera's pushes into channel states: this is where an alarm becomes ON and, later, OFF.
 *
 * <p>A detection channel turns ON when an alarm arrives. It turns OFF on the camera's stop event
 * (iVSEC, TVT, Hikvision), or {@code holdTime} after the last repeat when the camera sends no stop
 * (VIGI, and Hikvision or TVT smart data without their stop), and at the latest
 * {@code maxAlarmDuration} after it turned ON; a repeat after that starts a new alarm.
 *
 * <p>One detection, one trigger: a {@link AlarmEvent.Action#START start} or an
 * {@link AlarmEvent.Action#ACTIVE active} report for a detection that is already ON is a repeat (TVT
 * sends the same intrusion as alarm status and as alarm data; Hikvision repeats {@code active} every
 * second): it keeps the detection ON, updates {@code lastEvent*} and the snapshot, and fires no
 * {@code event} trigger. A {@link AlarmEvent.Action#PULSE pulse} is an alarm by itself and fires the
 * trigger each time, as VIGI's repeats always have. A stop for a detection that is not ON changes
 * nothing (TVT's legacy alarm server lists every type, most of them {@code false}).
 * Thread-safe: pushes arrive on servlet threads, timers fire on the timer thread.
 */
public final class CameraHandler implements ThingHandler {

    /**
     * Most channels a camera gets for event types nobody mapped; types beyond share
     * {@value #OTHER_CHANNEL} (they still show in lastEventType and lastEventData), so a client that
     * invents types cannot grow a thing without bound.
     */
    static final int MAX_UNMAPPED_CHANNELS = 64;

    static final String OTHER_CHANNEL = "otherAlarm";
    private static final String OTHER_LABEL = "Other detections";
    /** Thing property: the scheme the camera's alarms authenticate with (Basic, Digest MD5, ...). */
    static final String AUTH_SCHEME = "authScheme";

    private static final Logger LOGGER = LoggerFactory.getLogger(CameraHandler.class);

    /** Where REST serves this camera's latest snapshot. */
    static final String IMAGE_PATH = "/camalarm/api/things/%s/image";

    private final Thing thing;
    private final State imageUrl;
    private final @Nullable CameraSettings settings;
    private final Timers timers;
    /** Set once the thing is removed: late pushes and timers must not touch it. */
    private volatile boolean disposed;
    /** Channels made for unmapped types so far. */
    private final AtomicInteger unmappedChannels = new AtomicInteger();
    /** Active detections by channel id; guarded by {@code this}. */
    private final Map<String, ActiveAlarm> active = new HashMap<>();
    /** Whether the camera has pushed since the thing started: then nothing is restored; written under {@code this}. */
    private volatile boolean heard;

    private final SilenceWatchdog watchdog;
    private final RefusalNote refusals;

    /** One detection between ON and OFF, with the timers that will end it. */
    private static final class ActiveAlarm {
        @Nullable
        Cancellable holdTimer;
        /** Which hold timer is current: a timer that fired while a start replaced it must do nothing. */
        long holdGeneration;
        /**
         * When the hold ends ({@link Timers#monotonicMillis}) unless a repeat moves it. A repeat only moves this:
         * the timer, when it fires early, sleeps again for the rest (one timer per hold, not per alarm).
         */
        long holdUntil;
        /** Whether a repeat moved {@link #holdUntil} since the hold timer was armed. */
        boolean repeated;

        @Nullable
        Cancellable maxTimer;

        void cancel() {
            Cancellable hold = holdTimer;
            if (hold != null) {
                hold.cancel();
            }
            Cancellable max = maxTimer;
            if (max != null) {
                max.cancel();
            }
        }
    }

    /** @param settings {@code null} when the configuration is invalid: such a camera accepts no pushes */
    CameraHandler(Thing thing, @Nullable CameraSettings settings, Timers timers) {
        this.thing = thing;
        this.imageUrl = State.string(String.format(IMAGE_PATH, thing.uid()));
        this.settings = settings;
        this.timers = timers;
        // no alarm is active until a camera says so
        CameraChannels.DETECTIONS.forEach(channel -> thing.updateState(channel.id(), State.OFF));
        this.watchdog = new SilenceWatchdog(thing, timers, settings == null ? null : settings.offlineAfter());
        this.refusals = new RefusalNote(thing, timers.clock());
    }

    /** An alarm for this camera was refused ({@code route}, and {@code auth} for credentials): its page and the log say why. */
    void refused(String remoteAddress, AlarmRouter.Route route, AuthResult auth) {
        refusals.refused(remoteAddress, route, auth);
    }

    @Override
    public Thing thing() {
        return thing;
    }

    /** Whether pushes for this camera can be applied (its configuration is valid). */
    public boolean isConfigured() {
        return settings != null;
    }

    /** The configured MAC, normalised, or {@code null}. */
    public @Nullable String configuredMac() {
        CameraSettings current = settings;
        return current == null ? null : current.mac();
    }

    /** The configured device id (a device without MAC), or {@code null}. */
    public @Nullable String configuredDeviceId() {
        CameraSettings current = settings;
        return current == null ? null : current.deviceId();
    }

    /** The NVR channel this camera is, or {@code null} when it stands for the whole device. */
    public @Nullable String channel() {
        CameraSettings current = settings;
        return current == null ? null : current.channel();
    }

    /** Whether {@code remoteAddress} may send alarms as this camera. */
    public boolean allows(String remoteAddress) {
        CameraSettings current = settings;
        return current != null && current.allowedAddresses().allows(remoteAddress);
    }

    /**
     * Whether an alarm may be applied as this camera's: {@link AuthResult#ACCEPTED} when the camera
     * needs no credentials, or the alarm carries them over HTTPS (or over plain HTTP where
     * {@code credentialsOverHttp} allows it).
     */
    public AuthResult authenticate(PresentedAuth presented) {
        CameraSettings current = settings;
        Credentials needed = current == null ? null : current.credentials();
        if (current == null || needed == null) {
            return AuthResult.ACCEPTED;
        }
        if (!presented.secure() && !current.credentialsOverHttp()) {
            return AuthResult.PLAIN_HTTP;
        }
        AuthResult result = presented.check(needed);
        if (result == AuthResult.ACCEPTED) {
            String scheme = presented.scheme();
            if (!scheme.equals(thing.property(AUTH_SCHEME))) {
                // what the camera's firmware sends is worth knowing once: no vendor documents it
                LOGGER.info("{} authenticates its alarms with {}", thing.uid(), scheme);
                thing.setProperty(AUTH_SCHEME, scheme);
            }
        }
        return result;
    }

    /**
     * Applies every event of an alarm, then the snapshot and the camera's own details.
     *
     * @return what each event did, for the event history; empty for a keepalive or when the thing is gone
     */
    public List<Detection> accept(Alarm alarm) {
        CameraSettings current = settings;
        if (disposed || current == null) {
            // the thing is being reconfigured or removed; its successor takes the camera's next alarm
            LOGGER.debug("{} is gone: alarm dropped", thing.uid());
            return List.of();
        }
        ZonedDateTime now = ZonedDateTime.now(timers.clock());
        if (!heard) {
            synchronized (this) { // waits for a restore in progress; from here on, the camera's word wins
                heard = true;
            }
        }
        refusals.accepted();
        thing.setProperty("vendor", alarm.vendor().name());
        thing.setProperty("ipAddress", alarm.ip());
        thing.setProperty("macAddress", alarm.mac());
        thing.setProperty("deviceName", alarm.deviceName());
        thing.setProperty("deviceId", alarm.deviceId());
        List<Detection> detections = new ArrayList<>(alarm.events().size());
        for (AlarmEvent event : alarm.events()) {
            detections.add(apply(event, now, current));
        }
        ImageBytes image = alarm.image();
        if (image != null) {
            thing.updateState(CameraChannels.IMAGE, State.image(image, "image/jpeg"));
            thing.updateState(CameraChannels.IMAGE_TIME, State.dateTime(now));
            thing.updateState(CameraChannels.IMAGE_URL, imageUrl);
        }
        thing.updateState(CameraChannels.LAST_SEEN, State.dateTime(now));
        watchdog.heard();
        return detections;
    }

    private Detection apply(AlarmEvent event, ZonedDateTime now, CameraSettings settings) {
        String first = null;
        boolean wasOn = false;
        boolean applied = false;
        boolean started = false;
        for (String evidenced : CameraChannels.evidencedBy(event.type())) {
            boolean stop = event.action() == AlarmEvent.Action.STOP;
            String channel = stop ? stopped(evidenced) : channelFor(evidenced, event.rawType());
            if (first == null) {
                first = channel;
                wasOn = isOn(channel);
            }
            if (stop) {
                applied |= alarmOff(channel, null);
            } else {
                started |= alarmOn(channel, event.action(), settings);
                applied = true;
            }
        }
        Detection detection = new Detection(
                event,
                first != null ? first : OTHER_CHANNEL,
                wasOn ? Detection.Phase.CONTINUED : Detection.Phase.BEGAN);
        if (!applied) {
            return detection; // a stop for a detection that was not ON changes nothing
        }
        thing.setProperty("nvrChannel", event.nvrChannel());
        thing.setProperty("channelName", event.channelName());
        thing.updateState(CameraChannels.LAST_EVENT_TYPE, State.string(event.type()));
        LocalDateTime time = event.time();
        ZonedDateTime eventTime = time == null ? now : time.atZone(now.getZone());
        thing.updateState(CameraChannels.LAST_EVENT_TIME, State.dateTime(eventTime));
        thing.updateState(CameraChannels.LAST_EVENT_DATA, State.string(event.json()));
        if (event.action() == AlarmEvent.Action.PULSE || (event.action() != AlarmEvent.Action.STOP && started)) {
            thing.trigger(CameraChannels.EVENT, event.type());
        }
        return detection;
    }

    private synchronized boolean isOn(String channel) {
        return active.containsKey(channel);
    }

    /**
     * After a restart: the detection channels its recent events had, and what the event history
     * remembers of this camera (properties, last event, snapshot, last seen) unless the camera
     * pushed first. Detections stay OFF, the status UNKNOWN.
     */
    public synchronized void restore(CameraMemory memory) {
        if (disposed) {
            return;
        }
        memory.channels().forEach((channel, rawType) -> { // OFF, made as a new type's first event makes them
            if (OTHER_CHANNEL.equals(channel)) {
                addDetection(OTHER_CHANNEL, OTHER_LABEL);
            } else {
                channelFor(channel, rawType);
            }
        });
        if (heard || !thing.state(CameraChannels.LAST_SEEN).equals(State.NULL)) {
            return;
        }
        memory.properties().forEach(thing::setProperty);
        String type = memory.lastEventType();
        if (type != null) {
            thing.updateState(CameraChannels.LAST_EVENT_TYPE, State.string(type));
        }
        ZonedDateTime time = memory.lastEventTime();
        if (time != null) {
            thing.updateState(CameraChannels.LAST_EVENT_TIME, State.dateTime(time));
        }
        String data = memory.lastEventData();
        if (data != null) {
            thing.updateState(CameraChannels.LAST_EVENT_DATA, State.string(data));
        }
        byte[] image = memory.image();
        ZonedDateTime imageTime = memory.imageTime();
        if (image != null && imageTime != null) {
            thing.updateState(CameraChannels.IMAGE, State.image(image, "image/jpeg"));
            thing.updateState(CameraChannels.IMAGE_TIME, State.dateTime(imageTime));
            thing.updateState(CameraChannels.IMAGE_URL, imageUrl);
        }
        ZonedDateTime lastSeen = memory.lastSeen();
        if (lastSeen != null) {
            thing.updateState(CameraChannels.LAST_SEEN, State.dateTime(lastSeen));
        }
    }

    /** The channel a stop ends: the type's own, or the shared one when the type never got its own. */
    private String stopped(String channel) {
        return thing.hasChannel(channel) || unmappedChannels.get() <= MAX_UNMAPPED_CHANNELS ? channel : OTHER_CHANNEL;
    }

    /** The detection channel, created on first sight; past the cap, the shared one. */
    private String channelFor(String channel, String rawType) {
        if (thing.hasChannel(channel)) {
            return channel;
        }
        // counted up to one past the cap only: a count that kept growing would wrap after 2^31 events
        if (unmappedChannels.getAndUpdate(n -> Math.min(n + 1, MAX_UNMAPPED_CHANNELS + 1)) >= MAX_UNMAPPED_CHANNELS) {
            if (addDetection(OTHER_CHANNEL, OTHER_LABEL)) {
                LOGGER.warn(
                        "{} reported more than {} event types nobody mapped; further ones share {}",
                        thing.uid(),
                        MAX_UNMAPPED_CHANNELS,
                        OTHER_CHANNEL);
            }
            return OTHER_CHANNEL;
        }
        addDetection(channel, CameraChannels.label(channel, rawType));
        return channel;
    }

    /** A new detection channel starts OFF, like the built-in ones: its first alarm is a change rules see. */
    private boolean addDetection(String channel, String label) {
        boolean added = thing.addChannel(CameraChannels.detection(channel, label));
        if (added) {
            thing.updateState(channel, State.OFF);
        }
        return added;
    }

    /**
     * ON now. A start waits for the stop; a pulse or an active report ends {@code holdTime} after
     * the last repeat, except that an active report leaves a detection waiting for its stop waiting.
     * Every detection ends at the maximum duration at the latest.
     *
     * @return whether the detection turned ON (it was not active)
     */
    private synchronized boolean alarmOn(String channel, AlarmEvent.Action action, CameraSettings settings) {
        if (disposed) {
            return false;
        }
        ActiveAlarm alarm = active.get(channel);
        boolean started = alarm == null;
        if (alarm == null) {
            ActiveAlarm fresh = new ActiveAlarm();
            fresh.maxTimer = timers.schedule(settings.maxAlarmDuration(), () -> alarmOff(channel, fresh));
            active.put(channel, fresh);
            alarm = fresh;
        } else if (action == AlarmEvent.Action.ACTIVE && alarm.holdTimer == null) {
            return false; // it waits for the camera's stop, which this report does not replace
        }
        if (action == AlarmEvent.Action.START) {
            Cancellable previousHold = alarm.holdTimer; // from now on it waits for the stop
            if (previousHold != null) {
                previousHold.cancel();
                alarm.holdTimer = null;
                alarm.holdGeneration++;
            }
        } else {
            Duration hold = settings.holdTime();
            alarm.holdUntil = timers.monotonicMillis() + hold.toMillis(); // a clock set back must not hold it an hour
            if (alarm.holdTimer == null) {
                armHold(channel, alarm, hold);
            } else {
                alarm.repeated = true;
            }
        }
        thing.updateState(channel, State.ON);
        return started;
    }

    /** Caller holds the lock. */
    private void armHold(String channel, ActiveAlarm alarm, Duration delay) {
        long generation = ++alarm.holdGeneration;
        alarm.repeated = false;
        alarm.holdTimer = timers.schedule(delay, () -> holdExpired(channel, alarm, generation));
    }

    /** OFF when the hold has run out; when a repeat moved its end, wait again for the rest. */
    private synchronized void holdExpired(String channel, ActiveAlarm alarm, long generation) {
        if (active.get(channel) != alarm || alarm.holdGeneration != generation || disposed) {
            return;
        }
        // without a repeat the hold is over: no clock reading (it may lag the timer's by a ms)
        long left = alarm.repeated ? alarm.holdUntil - timers.monotonicMillis() : 0;
        if (left > 0) {
            armHold(channel, alarm, Duration.ofMillis(left));
        } else {
            alarm.holdTimer = null;
            alarmOff(channel, alarm);
        }
    }

    /**
     * OFF, unless a timer of an alarm that already ended fires late ({@code expected} is not current).
     *
     * @return whether a detection was ON and ended
     */
    private synchronized boolean alarmOff(String channel, @Nullable ActiveAlarm expected) {
        if (disposed) {
            return false;
        }
        ActiveAlarm alarm = active.get(channel);
        if (alarm == null || (expected != null && alarm != expected)) {
            return false;
        }
        alarm.cancel();
        active.remove(channel);
        thing.updateState(channel, State.OFF);
        return true;
    }

    /**
     * Ends the thing: active detections turn OFF first (and say so), so a rule that switched a relay
     * on with the alarm switches it off again even when the camera is reconfigured mid-alarm.
     */
    synchronized void dispose() {
        watchdog.stop();
        active.forEach((channel, alarm) -> {
            alarm.cancel();
            thing.updateState(channel, State.OFF);
        });
        active.clear();
        disposed = true;
    }
}
