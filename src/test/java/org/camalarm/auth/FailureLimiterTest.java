package org.camalarm.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.camalarm.time.ManualTimers;
import org.junit.jupiter.api.Test;

/** Wrong credentials counted per address: too many block it for a while, then it may try again. */
class FailureLimiterTest {

    private final ManualTimers timers = new ManualTimers(Instant.parse("2026-12-01T10:00:00Z"));
    private final FailureLimiter limiter =
            new FailureLimiter(() -> timers.clock().millis());

    @Test
    void tooManyWrongCredentialsBlockTheAddressForAWhile() {
        for (int i = 1; i < FailureLimiter.MAX_FAILURES; i++) {
            assertFalse(limiter.failed("192.0.2.7"), "failure " + i);
        }
        assertEquals(0, limiter.blockedSeconds("192.0.2.7"));

        assertTrue(limiter.failed("192.0.2.7"));
        assertEquals(FailureLimiter.BLOCK.toSeconds(), limiter.blockedSeconds("192.0.2.7"));
        assertEquals(0, limiter.blockedSeconds("192.0.2.8"), "another address is not affected");

        timers.advance(FailureLimiter.BLOCK);
        assertEquals(0, limiter.blockedSeconds("192.0.2.7"));
        assertFalse(limiter.failed("192.0.2.7"), "the count starts again after a block");
    }

    @Test
    void aClockSetBackNeverLengthensABlock() {
        for (int i = 0; i < FailureLimiter.MAX_FAILURES; i++) {
            limiter.failed("192.0.2.7");
        }
        timers.setWallClock(Instant.parse("2026-12-01T09:00:00Z")); // NTP corrects a clock an hour ahead

        assertEquals(
                FailureLimiter.BLOCK.toSeconds(), limiter.blockedSeconds("192.0.2.7"), "the block, not an hour more");
        timers.advance(FailureLimiter.BLOCK);
        assertEquals(0, limiter.blockedSeconds("192.0.2.7"));
    }

    @Test
    void aClockSetBackStartsANewWindow() {
        for (int i = 1; i < FailureLimiter.MAX_FAILURES; i++) {
            limiter.failed("192.0.2.7");
        }
        timers.setWallClock(Instant.parse("2026-12-01T09:00:00Z"));

        assertFalse(limiter.failed("192.0.2.7"), "the window of 10:00 does not run on until 10:10 comes again");
    }

    @Test
    void failuresSpreadBeyondTheWindowNeverBlock() {
        for (int window = 0; window < 3; window++) {
            for (int i = 1; i < FailureLimiter.MAX_FAILURES; i++) {
                assertFalse(limiter.failed("192.0.2.7"));
            }
            timers.advance(FailureLimiter.WINDOW);
        }
        assertEquals(0, limiter.blockedSeconds("192.0.2.7"));
    }

    @Test
    void anIpv6SenderCountsByItsSlash64() {
        for (int i = 0; i < FailureLimiter.MAX_FAILURES; i++) {
            limiter.failed("2001:db8:1:2::" + Integer.toHexString(i + 1));
        }
        assertTrue(limiter.blockedSeconds("2001:db8:1:2:ffff::1") > 0);
        assertEquals(0, limiter.blockedSeconds("2001:db8:1:3::1"));
        assertEquals("192.0.2.1", FailureLimiter.key("::ffff:192.0.2.1"));
    }

    @Test
    void theTableStaysBounded() {
        for (int i = 0; i < FailureLimiter.MAX_FAILURES; i++) {
            limiter.failed("192.0.2.7");
        }
        for (int i = 0; i < FailureLimiter.MAX_TRACKED; i++) {
            limiter.failed("10.0." + (i / 256) + "." + (i % 256));
            timers.advance(Duration.ofMillis(1));
        }
        // the blocked address was seen least recently, so it went first: bounded memory beats a long memory
        assertEquals(0, limiter.blockedSeconds("192.0.2.7"));
    }
}
