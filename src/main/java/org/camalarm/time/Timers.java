package org.camalarm.time;

import java.time.Clock;
import java.time.Duration;

/**
 * The hub's clock and one-shot timers, injected so that hold times, intervals and schedules are
 * tested by moving a clock instead of sleeping. Implementations are thread-safe; tasks run on a
 * timer thread and must be short.
 */
public interface Timers {

    Clock clock();

    /** Runs {@code task} once after {@code delay}; the returned handle cancels it. */
    Cancellable schedule(Duration delay, Runnable task);

    /** A scheduled task that can be called off. Cancelling twice, or after it ran, is harmless. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
