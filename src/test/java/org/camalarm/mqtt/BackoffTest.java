package org.camalarm.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reconnection delays: doubling, capped, jittered within the upper half, started over only after a stable connection. */
class BackoffTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private static List<Long> delays(Backoff backoff, int n) {
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            delays.add(backoff.next().toMillis());
        }
        return delays;
    }

    @Test
    void doublesUpToTheMaximumWithinTheUpperHalf() {
        Backoff longest = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(10), b -> b);
        assertEquals(List.of(1000L, 2000L, 4000L, 8000L, 16000L, 32000L, 60000L, 60000L), delays(longest, 8));
        Backoff shortest = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(10), b -> 0);
        assertEquals(List.of(500L, 1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L), delays(shortest, 8));
    }

    @Test
    void startsOverOnlyAfterAConnectionThatLasted() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(10), b -> b);
        delays(backoff, 4);
        backoff.connected(T0);
        backoff.lost(T0.plusSeconds(2)); // thrown off at once (a duplicate client id): no fresh start
        assertEquals(16000L, backoff.next().toMillis());
        backoff.connected(T0.plusSeconds(30));
        backoff.lost(T0.plusSeconds(60));
        assertEquals(1000L, backoff.next().toMillis());
    }

    @Test
    void aHugeMinimumDoesNotOverflow() {
        Backoff backoff = new Backoff(Duration.ofDays(1), Duration.ofDays(1), Duration.ofSeconds(10), b -> b);
        assertEquals(List.of(86_400_000L, 86_400_000L), delays(backoff, 2));
    }
}
