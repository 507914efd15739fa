package org.camalarm.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camalarm.mqtt.ThingChangeQueue.Change;
import org.camalarm.mqtt.ThingChangeQueue.Scope;
import org.camalarm.thing.State;
import org.camalarm.thing.ThingStatusInfo;
import org.camalarm.thing.ThingUID;
import org.junit.jupiter.api.Test;

/** The alarm thread's side of the bridge: it notes what changed, once per channel, and wakes the bridge. */
class ThingChangeQueueTest {

    private static final ThingUID CAM = new ThingUID("vigi", "cam");
    private final ThingChangeQueue queue = new ThingChangeQueue();
    private final AtomicInteger wakeUps = new AtomicInteger();

    @Test
    void notesNothingWhileNoBridgeIsAttached() {
        queue.stateChanged(CAM, "motionAlarm", State.ON, State.OFF);
        queue.attach(wakeUps::incrementAndGet);
        assertEquals(List.of(), queue.take().changes());
        assertEquals(List.of(), queue.take().detections());
    }

    @Test
    void aBurstOfChangesToOneChannelIsOneChangeButEveryDetectionCounts() {
        queue.attach(wakeUps::incrementAndGet);
        for (int i = 0; i < 100; i++) {
            queue.stateChanged(CAM, "motionAlarm", State.ON, State.OFF);
            queue.stateChanged(CAM, "motionAlarm", State.OFF, State.ON);
        }
        queue.statusChanged(CAM, ThingStatusInfo.ONLINE);
        ThingChangeQueue.Taken taken = queue.take();
        assertEquals(2, taken.changes().size());
        assertEquals(
                java.util.Set.of(new Change(Scope.CHANNEL, "cam", "motionAlarm"), new Change(Scope.STATUS, "cam", "")),
                java.util.Set.copyOf(taken.changes()));
        assertEquals(100, taken.detections().size());
        assertEquals(201, wakeUps.get());
        assertEquals(List.of(), queue.take().changes(), "taken once");
    }

    @Test
    void detectionsAreBoundedTheOldestDropped() {
        queue.attach(() -> {});
        for (int i = 0; i < ThingChangeQueue.MAX_DETECTIONS + 10; i++) {
            queue.stateChanged(CAM, "c" + i, State.ON, State.OFF);
        }
        ThingChangeQueue.Taken taken = queue.take();
        assertEquals(ThingChangeQueue.MAX_DETECTIONS, taken.detections().size());
        assertEquals("c10", taken.detections().get(0).channelId());
        assertEquals(10, queue.dropped());
    }
}
