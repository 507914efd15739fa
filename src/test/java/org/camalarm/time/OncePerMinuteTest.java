package org.camalarm.time;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The once-a-minute gate of log lines: the first is due, the next ones within the minute are not. */
class OncePerMinuteTest {

    @Test
    void theFirstLineIsDueAndTheNextOnesWithinTheMinuteAreNot() {
        OncePerMinute lines = new OncePerMinute();
        assertTrue(lines.due());
        assertFalse(lines.due());
        assertFalse(lines.due());
        assertTrue(new OncePerMinute().due(), "each gate on its own");
    }
}
