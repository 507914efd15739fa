package org.camalarm.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Log lines per key within a window: a flood is cut, and the next line says how many it stands for. */
class RateLimitTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final RateLimit limit = new RateLimit(2, Duration.ofMinutes(1), clock);

    @Test
    void aFloodIsCutToItsLimitAndTheNextWindowCountsWhatWasRefused() {
        assertEquals(0, limit.acquire("camera"));
        assertEquals(0, limit.acquire("camera"));
        assertEquals(-1, limit.acquire("camera"));
        assertEquals(-1, limit.acquire("camera"));
        assertEquals(0, limit.acquire("rule"), "another key has its own window");

        clock.advance(Duration.ofMinutes(1));
        assertEquals(2, limit.acquire("camera"), "the first line of the next window stands for 2 refused");
    }

    @Test
    void aClockSetBackNeverSilencesAKey() {
        limit.acquire("camera");
        limit.acquire("camera");
        assertEquals(-1, limit.acquire("camera"));

        clock.advance(Duration.ofHours(-1)); // NTP corrects a clock that ran an hour ahead
        assertEquals(1, limit.acquire("camera"), "a new window at once, not an hour of silence");
    }
}
