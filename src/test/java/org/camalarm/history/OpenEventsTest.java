package org.camalarm.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The open detections, and how a batch that could not be written leaves them as the disk has them. */
class OpenEventsTest {

    private static final MediaRef WRITTEN = new MediaRef(100, 10);
    private static final MediaRef NEVER_WRITTEN = new MediaRef(200, 10);

    private static OpenEvents.Open event(long id) {
        return new OpenEvents.Open(id, id * 100, 7, EventSlot.initial(1000, WRITTEN), 1000);
    }

    @Test
    void aBatchThatFailedLeavesTheEventsAsTheyWereBeforeIt() {
        OpenEvents open = new OpenEvents();
        String door = OpenEvents.key("camalarm:vigi:door", "humanAlarm", "PERSON");
        String gate = OpenEvents.key("camalarm:vigi:gate", "motionAlarm", "MOTION");
        OpenEvents.Open person = event(1);
        open.put(door, person);
        open.commit();

        // the failed batch: a repeat with a snapshot, then the stop, then another detection began
        open.change(person, person.slot.extended(5000, NEVER_WRITTEN), 5000);
        open.remove(door, person);
        open.put(gate, event(2));
        open.rollback();

        assertSame(person, open.get(door), "a retried stop still finds its event open");
        assertEquals(WRITTEN, person.slot.lastImage(), "no snapshot that was never written");
        assertEquals(1000, person.slot.end());
        assertEquals(1000, person.lastPush);
        assertNull(open.get(gate), "the event that was not written is not open");
    }

    @Test
    void anEventReplacedOrForgottenInAFailedBatchComesBack() {
        OpenEvents open = new OpenEvents();
        String door = OpenEvents.key("camalarm:vigi:door", "humanAlarm", "PERSON");
        OpenEvents.Open first = event(1);
        open.put(door, first);
        open.commit();

        open.put(door, event(2)); // a new start of the same channel
        open.rollback();
        assertSame(first, open.get(door));

        open.forget(1); // a user's delete
        open.rollback();
        assertSame(first, open.byId(1));
    }

    @Test
    void whatABatchWroteStays() {
        OpenEvents open = new OpenEvents();
        String door = OpenEvents.key("camalarm:vigi:door", "humanAlarm", "PERSON");
        OpenEvents.Open person = event(1);
        open.put(door, person);
        open.change(person, person.slot.extended(5000, null), 5000);
        open.commit();
        open.rollback();

        assertSame(person, open.get(door));
        assertEquals(5000, person.slot.end());
    }
}
