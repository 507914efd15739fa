package org.camalarm.mqtt;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongUnaryOperator;
import org.eclipse.jdt.annotation.Nullable;

/**
 * How long to wait before the next connection attempt: doubling from the minimum up to the
 * maximum, each delay drawn from its upper half ("equal jitter": hubs that lost the same broker do
 * not all come back at the same instant). The count starts over only after a connection stayed up
 * for a while, so a broker that accepts and drops at once (a duplicate client id) is not hammered.
 * Used by the bridge thread only.
 */
final class Backoff {

    private final long minMillis;
    private final long maxMillis;
    private final Duration stable;
    /** {@code bound -> a value in [0, bound]}. */
    private final LongUnaryOperator random;

    private int attempts;
    private @Nullable Instant connectedAt;

    Backoff(Duration min, Duration max, Duration stable, LongUnaryOperator random) {
        this.minMillis = Math.max(1, min.toMillis());
        this.maxMillis = Math.max(minMillis, max.toMillis());
        this.stable = stable;
        this.random = random;
    }

    Duration next() {
        long delay = minMillis;
        for (int i = 0; i < attempts && delay < maxMillis; i++) {
            delay *= 2;
        }
        delay = Math.min(delay, maxMillis);
        attempts++;
        long half = delay / 2;
        return Duration.ofMillis(delay - half + random.applyAsLong(half));
    }

    /** The longest wait: also what follows a refusal that retrying sooner cannot cure (a wrong password). */
    Duration max() {
        return Duration.ofMillis(maxMillis);
    }

    void connected(Instant at) {
        connectedAt = at;
    }

    void lost(Instant at) {
        Instant since = connectedAt;
        if (since != null && Duration.between(since, at).compareTo(stable) >= 0) {
            attempts = 0;
        }
        connectedAt = null;
    }
}
