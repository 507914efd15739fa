package org.camalarm.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-sender memory of the UDP listener: a refused source is logged once, a flood is cut to its rate. */
class DatagramSourcesTest {

    private final AtomicLong millis = new AtomicLong(1_000_000);
    private final DatagramSources sources = new DatagramSources(2, 1, millis::get);

    @Test
    void aRefusedSourceIsLoggedOnceWhileItIsRemembered() {
        assertTrue(sources.firstRefusal("192.0.2.1"), "its first refusal is logged");
        assertFalse(sources.firstRefusal("192.0.2.1"), "its next ones only counted");
        millis.addAndGet(3_600_000);
        assertFalse(sources.firstRefusal("192.0.2.1"), "an hour later still only counted");
        assertTrue(sources.firstRefusal("192.0.2.2"), "another sender is logged on its own");
    }

    @Test
    void aSourceForgottenAmongTooManyOthersIsLoggedAgain() {
        assertTrue(sources.firstRefusal("192.0.2.1"));
        for (int i = 0; i < DatagramSources.MAX_SOURCES; i++) {
            sources.admit("10.0." + (i / 256) + "." + (i % 256));
        }

        assertTrue(sources.firstRefusal("192.0.2.1"), "memory is bounded: the oldest sender starts afresh");
    }

    @Test
    void aSenderGetsItsBurstThenItsRate() {
        assertTrue(sources.admit("192.0.2.1"));
        assertTrue(sources.admit("192.0.2.1"));
        assertFalse(sources.admit("192.0.2.1"), "burst of 2 used up");
        assertTrue(sources.admit("192.0.2.3"), "another sender has its own bucket");

        millis.addAndGet(1000);
        assertTrue(sources.admit("192.0.2.1"), "one token a second");
        assertFalse(sources.admit("192.0.2.1"));
    }

    @Test
    void aClockSetBackNeverDrainsASendersBucket() {
        sources.admit("192.0.2.1");
        sources.admit("192.0.2.1");
        assertFalse(sources.admit("192.0.2.1"));

        millis.addAndGet(-3_600_000); // NTP corrects a clock an hour ahead
        assertFalse(sources.admit("192.0.2.1"), "no token yet");
        millis.addAndGet(1000);
        assertTrue(sources.admit("192.0.2.1"), "a second later its token, not an hour later");
    }
}
