package org.camalarm.time;

import java.time.Clock;
import java.time.Duration;

/**
 * The hub's clock and one-shot timers, injected so that hold times, intervals and schedules are
 * tested by moving a clock instead of sleeping. Implementations are thread-safe; tasks run on a
 * timer thread and must be short.
 */
public interface Timers {

    /** The wall clock: what time it is, for timestamps. NTP or a user may set it back or forward. */
    Clock clock();

    /**
     * Milliseconds from an arbitrary origin that only moves on with time, never set back or
     * forward: for how long something lasted (a camera's silence), where the wall clock would
     * count a setting of the clock as time gone by.
     */
    long monotonicMillis();

    /** Runs {@code task} once after {@code delay}; the returned handle cancels it. */
    Cancellable schedule(Duration delay, Runnable task);

    /** A scheduled task that can be called off. Cancelling twice, or after it ran, is harmless. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
