package org.camalarm.camera;

import java.time.Duration;
import org.camalarm.thing.Thing;
import org.camalarm.thing.ThingStatusInfo;
import org.camalarm.thing.ThingStatusInfo.Detail;
import org.camalarm.time.Timers;
import org.camalarm.time.Timers.Cancellable;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A camera's {@code offlineAfter}: with no push or keepalive for that long, its thing goes
 * OFFLINE/COMMUNICATION_ERROR saying how long it has been silent; the next one brings it ONLINE.
 * One timer at a time, set for when the silence would be long enough. A push and a check share
 * this object's lock, so a push arriving during a check can never be followed by OFFLINE. Silence
 * is measured in monotonic time: a hub whose clock NTP sets forward a day at boot (a Raspberry Pi
 * has no battery clock) must not call every camera silent for a day, nor one set back an hour wait
 * an hour longer.
 */
final class SilenceWatchdog {

    private static final Logger LOGGER = LoggerFactory.getLogger(SilenceWatchdog.class);

    private final Thing thing;
    private final Timers timers;
    /** {@code null}: the watchdog is off; the thing only goes ONLINE with each push. */
    private final @Nullable Duration limit;
    /** When the camera was last heard from, or the thing started ({@link Timers#monotonicMillis}); guarded by {@code this}. */
    private long lastHeard;
    /** The next check, while one is due; guarded by {@code this}. */
    private @Nullable Cancellable check;

    private boolean stopped;

    SilenceWatchdog(Thing thing, Timers timers, @Nullable Duration limit) {
        this.thing = thing;
        this.timers = timers;
        this.limit = limit;
        synchronized (this) {
            lastHeard = timers.monotonicMillis();
            arm();
        }
    }

    /** The camera was heard from now: ONLINE, and the silence counted from now. */
    synchronized void heard() {
        if (stopped) {
            return;
        }
        lastHeard = timers.monotonicMillis();
        thing.setStatus(ThingStatusInfo.ONLINE);
        arm();
    }

    synchronized void stop() {
        stopped = true;
        Cancellable due = check;
        if (due != null) {
            due.cancel();
            check = null;
        }
    }

    /** Schedules the next check, unless one is due or the watchdog is off. */
    private void arm() {
        Duration silence = limit;
        if (silence == null || check != null || stopped) {
            return;
        }
        long due = lastHeard + silence.toMillis() - timers.monotonicMillis();
        check = timers.schedule(Duration.ofMillis(Math.max(0, due)), () -> check(silence));
    }

    /** OFFLINE when silent for {@code silence}; otherwise look again when it would be. */
    private synchronized void check(Duration silence) {
        check = null;
        if (stopped) {
            return;
        }
        long silentMs = timers.monotonicMillis() - lastHeard;
        if (silentMs >= silence.toMillis()) {
            thing.setStatus(ThingStatusInfo.offline(
                    Detail.COMMUNICATION_ERROR,
                    "no push or keepalive for " + silentMs / 1000 + " s (offlineAfter " + silence.toSeconds() + " s)"));
            LOGGER.debug("{} went silent: OFFLINE", thing.uid());
        } else {
            arm();
        }
    }
}
