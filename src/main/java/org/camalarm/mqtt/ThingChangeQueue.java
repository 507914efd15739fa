package org.camalarm.mqtt;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.camalarm.thing.State;
import org.camalarm.thing.Thing;
import org.camalarm.thing.ThingListener;
import org.camalarm.thing.ThingStatusInfo;
import org.camalarm.thing.ThingUID;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Component;

/**
 * Where thing changes wait for the MQTT bridge: called on the thread that made the change (often a
 * camera's alarm request), it only notes <em>what</em> changed and wakes the bridge; the bridge
 * reads the current values when it gets to them, so a burst of changes to one channel costs one
 * publication (the latest wins). Bounded: one entry per thing, status and channel, capped; and at
 * most {@value #MAX_DETECTIONS} detection starts, the oldest dropped. Does nothing while no bridge
 * is attached (no broker configured). Thread-safe, never blocks.
 */
@Component(service = {ThingListener.class, ThingChangeQueue.class})
public class ThingChangeQueue implements ThingListener {

    static final int MAX_CHANGES = 20_000;
    static final int MAX_DETECTIONS = 256;

    /** What changed: a thing as a whole (added, removed), its status, or one of its channels. */
    record Change(Scope scope, String thingId, String channelId) {}

    enum Scope {
        THING,
        STATUS,
        CHANNEL
    }

    /** A channel that switched from OFF to ON: a detection started. */
    record Detection(String thingId, String channelId, Instant at) {}

    /** What {@link #take()} hands the bridge. */
    record Taken(List<Change> changes, List<Detection> detections) {}

    private final Set<Change> changes = ConcurrentHashMap.newKeySet();
    private final AtomicInteger size = new AtomicInteger();
    private final ArrayDeque<Detection> detections = new ArrayDeque<>();
    private final AtomicLong dropped = new AtomicLong();
    private volatile @Nullable Runnable consumer;

    /** Starts noting changes; {@code wakeUp} is called after each (it must not block). */
    void attach(Runnable wakeUp) {
        consumer = wakeUp;
    }

    /** Stops noting changes and forgets those not taken. */
    void detach() {
        consumer = null;
        changes.clear();
        size.set(0);
        synchronized (detections) {
            detections.clear();
        }
    }

    /** Notes that a thing must be looked at as a whole (the bridge (re)starts and announces every thing). */
    void touch(String thingId) {
        note(new Change(Scope.THING, thingId, ""));
    }

    @Override
    public void stateChanged(ThingUID thing, String channelId, State newState, State oldState) {
        if (consumer == null) {
            return;
        }
        if (newState.equals(State.ON) && oldState.equals(State.OFF)) {
            synchronized (detections) {
                if (detections.size() >= MAX_DETECTIONS) {
                    detections.removeFirst();
                    dropped.incrementAndGet();
                }
                detections.addLast(new Detection(thing.thingId(), channelId, Instant.now()));
            }
        }
        note(new Change(Scope.CHANNEL, thing.thingId(), channelId));
    }

    @Override
    public void statusChanged(ThingUID thing, ThingStatusInfo status) {
        note(new Change(Scope.STATUS, thing.thingId(), ""));
    }

    @Override
    public void thingAdded(Thing thing) {
        note(new Change(Scope.THING, thing.uid().thingId(), ""));
    }

    @Override
    public void thingRemoved(Thing thing) {
        note(new Change(Scope.THING, thing.uid().thingId(), ""));
    }

    private void note(Change change) {
        Runnable wakeUp = consumer;
        if (wakeUp == null) {
            return;
        }
        if (size.get() >= MAX_CHANGES) {
            dropped.incrementAndGet();
        } else if (changes.add(change)) {
            size.incrementAndGet();
        }
        wakeUp.run();
    }

    /** Everything noted so far, each change once; what is noted meanwhile is for the next call. */
    Taken take() {
        List<Change> taken = new ArrayList<>();
        for (Iterator<Change> it = changes.iterator(); it.hasNext(); ) {
            Change change = it.next();
            if (changes.remove(change)) {
                size.decrementAndGet();
                taken.add(change);
            }
        }
        List<Detection> started;
        synchronized (detections) {
            started = new ArrayList<>(detections);
            detections.clear();
        }
        return new Taken(taken, started);
    }

    /** Changes and detections not kept because the queue was full. */
    long dropped() {
        return dropped.get();
    }
}
