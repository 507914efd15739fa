package org.camalarm.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows password guessing: failed sign-ins are counted per sender address and overall, each in a
 * token bucket. An address gets {@value #PER_ADDRESS} failures in a row, then one more every
 * {@value #ADDRESS_REFILL_SECONDS} s; all addresses together {@value #OVERALL} and one more every
 * {@value #OVERALL_REFILL_SECONDS} s, so rotating addresses does not help. A success does not
 * refill. Bounded: the {@value #MAX_ADDRESSES} most recent addresses are remembered. Thread-safe.
 */
final class SignInLimiter {

    static final int PER_ADDRESS = 5;
    static final int ADDRESS_REFILL_SECONDS = 12;
    static final int OVERALL = 30;
    static final int OVERALL_REFILL_SECONDS = 2;
    static final int MAX_ADDRESSES = 1024;

    /** A bucket of allowed failures: {@code tokens} at {@code at}. */
    private static final class Bucket {
        double tokens;
        Instant at;

        Bucket(double tokens, Instant at) {
            this.tokens = tokens;
            this.at = at;
        }

        /** Seconds to wait before one attempt is allowed, 0 when allowed now. */
        long waitSeconds(int capacity, int refillSeconds, Instant now) {
            refill(capacity, refillSeconds, now);
            return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) * refillSeconds);
        }

        void refill(int capacity, int refillSeconds, Instant now) {
            double seconds = Math.max(0, Duration.between(at, now).toMillis() / 1000.0);
            tokens = Math.min(capacity, tokens + seconds / refillSeconds);
            at = now;
        }
    }

    private final Clock clock;
    private final Bucket overall;
    /** By address, least recently used first; guarded by {@code this}. */
    private final Map<String, Bucket> addresses = new LinkedHashMap<>(16, 0.75f, true);

    SignInLimiter(Clock clock) {
        this.clock = clock;
        this.overall = new Bucket(OVERALL, clock.instant());
    }

    /** Seconds the sender must wait before trying again; 0 when it may try now. */
    synchronized long waitSeconds(String address) {
        Instant now = clock.instant();
        Bucket own = addresses.get(address);
        long ownWait = own == null ? 0 : own.waitSeconds(PER_ADDRESS, ADDRESS_REFILL_SECONDS, now);
        return Math.max(ownWait, overall.waitSeconds(OVERALL, OVERALL_REFILL_SECONDS, now));
    }

    /** Counts a failed attempt against the address and overall. */
    synchronized void failed(String address) {
        Instant now = clock.instant();
        Bucket own = addresses.get(address);
        if (own == null) {
            own = new Bucket(PER_ADDRESS, now);
            addresses.put(address, own);
            if (addresses.size() > MAX_ADDRESSES) {
                addresses.remove(addresses.keySet().iterator().next());
            }
        }
        own.refill(PER_ADDRESS, ADDRESS_REFILL_SECONDS, now);
        own.tokens = Math.max(0, own.tokens - 1);
        overall.refill(OVERALL, OVERALL_REFILL_SECONDS, now);
        overall.tokens = Math.max(0, overall.tokens - 1);
    }
}
