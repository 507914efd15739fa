package org.camalarm.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.camalarm.time.MutableClock;
import org.junit.jupiter.api.Test;

class IntervalGateTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-10-05T15:05:01Z"));

    @Test
    void coalescesRepeatsWithinTheIntervalAndCountsThem() {
        IntervalGate gate = new IntervalGate(Duration.ofMillis(2500), clock);

        assertTrue(gate.admit("ON").allowed());
        clock.advance(Duration.ofMillis(1000));
        assertEquals(new IntervalGate.Admission(false, 1, Duration.ofMillis(2500)), gate.admit("ON"));
        clock.advance(Duration.ofMillis(1000));
        gate.admit("ON");
        clock.advance(Duration.ofMillis(499));
        IntervalGate.Admission third = gate.admit("ON");
        assertFalse(third.allowed());
        assertEquals("coalesced: 3 repeats within 2.5 s", third.detail());

        clock.advance(Duration.ofMillis(1));
        IntervalGate.Admission next = gate.admit("ON");
        assertTrue(next.allowed());
        assertEquals(3, next.coalesced(), "the allowed push reports the repeats dropped before it");
        clock.advance(Duration.ofMillis(1));
        assertEquals(1, gate.admit("ON").coalesced(), "counting starts anew after a push went out");
    }

    @Test
    void aClockSetBackDoesNotBlockPushes() {
        IntervalGate gate = new IntervalGate(Duration.ofSeconds(10), clock);

        assertTrue(gate.admit("ON").allowed());
        clock.advance(Duration.ofHours(-1));
        assertTrue(gate.admit("ON").allowed(), "not refused for an hour and ten seconds");
        assertFalse(gate.admit("ON").allowed(), "the interval holds from there");
    }

    @Test
    void keysAreIndependent() {
        IntervalGate gate = new IntervalGate(Duration.ofSeconds(10), clock);

        assertTrue(gate.admit("ON").allowed());
        assertTrue(gate.admit("OFF").allowed());
        assertFalse(gate.admit("ON").allowed());
        assertEquals("coalesced: 1 repeat within 10 s", gate.admit("OFF").detail());
    }

    @Test
    void zeroIsOff() {
        IntervalGate gate = new IntervalGate(Duration.ZERO, clock);
        for (int i = 0; i < 5; i++) {
            assertTrue(gate.admit("ON").allowed());
        }
        assertTrue(IntervalGate.off().admit("x").allowed());
    }

    @Test
    void aNegativeIntervalIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new IntervalGate(Duration.ofMillis(-1), clock));
    }
}
