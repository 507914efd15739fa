package org.camalarm.push;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The iVSEC "Interval": a minimum time between two pushes of the same command key. The first
 * push of a key passes; repeats within the interval after it are <b>dropped and counted</b>
 * (coalesced), never queued; the first push after the interval passes again and reports how
 * many were dropped before it. A zero interval lets everything pass.
 *
 * <p>Time comes from the injected {@link Clock}. Thread-safe. Keeps one small entry per key ever
 * used (keys are the commands of one device, a handful); {@link #reset()} forgets them.
 */
public final class IntervalGate {

    /**
     * The gate's answer for one push.
     *
     * @param allowed   whether the push may go
     * @param coalesced refused: repeats dropped in the current interval, this one included;
     *                  allowed: repeats dropped since the previous allowed push of the key
     * @param interval  the gate's interval
     */
    public record Admission(boolean allowed, int coalesced, Duration interval) {

        /**
         * For a refused push, the sentence for {@link PushResult#detail()}, e.g.
         * {@code coalesced: 3 repeats within 2.5 s}.
         */
        public String detail() {
            return "coalesced: " + coalesced + (coalesced == 1 ? " repeat" : " repeats") + " within "
                    + seconds(interval) + " s";
        }

        public Admission {
            Objects.requireNonNull(interval, "interval");
        }
    }

    /** Last allowed push of a key and the repeats dropped since. */
    private record Window(Instant opened, int dropped) {}

    private final Duration interval;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /**
     * @param interval the minimum time between two pushes of a key; zero for no limit
     * @param clock    the time source (a fixed or mutable one in tests)
     */
    public IntervalGate(Duration interval, Clock clock) {
        this.interval = Objects.requireNonNull(interval, "interval");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (interval.isNegative()) {
            throw new IllegalArgumentException("interval must not be negative, got " + interval);
        }
    }

    /**
     * A gate from a number of seconds as the user types it (decimals allowed; {@code 0}, {@code OFF}
     * or blank = off, as in the iVSEC camera's Interval list).
     *
     * @throws IllegalArgumentException when negative, not a number, or finer than milliseconds
     */
    public static IntervalGate ofSeconds(@Nullable String seconds, Clock clock) {
        if (seconds == null || seconds.isBlank() || seconds.strip().equalsIgnoreCase("off")) {
            return new IntervalGate(Duration.ZERO, clock);
        }
        BigDecimal value;
        try {
            value = new BigDecimal(seconds.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "interval must be a number of seconds such as 2.5, got '" + seconds + "'", e);
        }
        if (value.signum() < 0 || value.stripTrailingZeros().scale() > 3) {
            throw new IllegalArgumentException(
                    "interval must be 0 or more seconds with at most 3 decimals, got '" + seconds + "'");
        }
        return new IntervalGate(Duration.ofMillis(value.movePointRight(3).longValueExact()), clock);
    }

    /** A gate that lets everything pass. */
    public static IntervalGate off() {
        return new IntervalGate(Duration.ZERO, Clock.systemUTC());
    }

    /** The minimum interval. */
    public Duration interval() {
        return interval;
    }

    /** Decides about one push of {@code key} now, and records it. */
    public Admission admit(String key) {
        Objects.requireNonNull(key, "key");
        if (interval.isZero()) {
            return new Admission(true, 0, interval);
        }
        Instant now = clock.instant();
        int[] outcome = new int[2]; // [allowed 0/1, coalesced]
        windows.compute(key, (k, window) -> {
            if (window == null || !now.isBefore(window.opened().plus(interval))) {
                outcome[0] = 1;
                outcome[1] = window == null ? 0 : window.dropped();
                return new Window(now, 0);
            }
            outcome[1] = window.dropped() + 1;
            return new Window(window.opened(), window.dropped() + 1);
        });
        return new Admission(outcome[0] == 1, outcome[1], interval);
    }

    /** Repeats of {@code key} dropped since its last allowed push. */
    public int coalesced(String key) {
        Window window = windows.get(key);
        return window == null ? 0 : window.dropped();
    }

    /** Forgets every key: the next push of each passes. */
    public void reset() {
        windows.clear();
    }

    static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString();
    }
}
