package org.camalarm.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IntervalGateTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-10-05T15:05:01Z"));

    @Test
    void coalescesRepeatsWithinTheIntervalAndCountsThem() {
        IntervalGate gate = IntervalGate.ofSeconds("2.5", clock);

        assertTrue(gate.admit("ON").allowed());
        clock.advance(Duration.ofMillis(1000));
        assertEquals(new IntervalGate.Admission(false, 1, Duration.ofMillis(2500)), gate.admit("ON"));
        clock.advance(Duration.ofMillis(1000));
        gate.admit("ON");
        clock.advance(Duration.ofMillis(499));
        IntervalGate.Admission third = gate.admit("ON");
        assertFalse(third.allowed());
        assertEquals("coalesced: 3 repeats within 2.5 s", third.detail());
        assertEquals(3, gate.coalesced("ON"));

        clock.advance(Duration.ofMillis(1));
        IntervalGate.Admission next = gate.admit("ON");
        assertTrue(next.allowed());
        assertEquals(3, next.coalesced(), "the allowed push reports the repeats dropped before it");
        assertEquals(0, gate.coalesced("ON"));
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
        IntervalGate gate = IntervalGate.ofSeconds("0", clock);
        for (int i = 0; i < 5; i++) {
            assertTrue(gate.admit("ON").allowed());
        }
        assertTrue(IntervalGate.off().admit("x").allowed());
        assertEquals(Duration.ZERO, IntervalGate.ofSeconds("OFF", clock).interval(), "the iVSEC list says OFF");
    }

    @Test
    void resetForgetsEveryKey() {
        IntervalGate gate = new IntervalGate(Duration.ofSeconds(10), clock);
        gate.admit("ON");
        gate.reset();
        assertTrue(gate.admit("ON").allowed());
    }

    @Test
    void rejectsBadIntervals() {
        assertEquals(
                "interval must be a number of seconds such as 2.5, got 'soon'",
                assertThrows(IllegalArgumentException.class, () -> IntervalGate.ofSeconds("soon", clock))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> IntervalGate.ofSeconds("-1", clock));
        assertThrows(IllegalArgumentException.class, () -> IntervalGate.ofSeconds("0.0001", clock));
        assertEquals(
                Duration.ofMillis(250), IntervalGate.ofSeconds("0.250", clock).interval());
    }
}
