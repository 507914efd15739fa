package org.camalarm.push;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The iVSEC "Interval": a minimum time between two pushes of the same command key. The first
 * push of a key passes; repeats within the interval after it are <b>dropped and counted</b>
 * (coalesced), never queued; the first push after the interval passes again and reports how
 * many were dropped before it. A zero interval lets everything pass.
 *
 * <p>Time comes from the injected {@link Clock}. Thread-safe. Keeps one small entry per key ever
 * used (keys are the commands of one device, a handful).
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
            // a clock set back (NTP, a wrong RTC corrected) never blocks: the window opens anew
            if (window == null || !now.isBefore(window.opened().plus(interval)) || now.isBefore(window.opened())) {
                outcome[0] = 1;
                outcome[1] = window == null ? 0 : window.dropped();
                return new Window(now, 0);
            }
            outcome[1] = window.dropped() + 1;
            return new Window(window.opened(), window.dropped() + 1);
        });
        return new Admission(outcome[0] == 1, outcome[1], interval);
    }

    static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString();
    }
}
