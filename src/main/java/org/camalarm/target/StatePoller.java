package org.camalarm.target;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.camalarm.time.Timers;
import org.camalarm.time.Timers.Cancellable;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Reads one push target's state every refresh interval, on the hub's shared timer ({@link Timers}):
 * the timer thread only starts an asynchronous read, and the next read is scheduled when that one
 * has ended, so a device never has two reads in flight and no thread is any device's own. The first
 * read comes at a random moment within {@value #FIRST_READ_SPREAD_S} s (or the interval, if shorter),
 * so that many devices starting together do not all ask at once. Thread-safe.
 */
final class StatePoller {

    static final long FIRST_READ_SPREAD_S = 5;

    private final Timers timers;
    private final Duration every;
    private final Supplier<CompletableFuture<?>> read;
    private @Nullable Cancellable next;
    private boolean stopped;

    /**
     * @param read one read of the state; its future completes when the read is over, normally or not
     */
    StatePoller(Timers timers, Duration every, Supplier<CompletableFuture<?>> read) {
        this.timers = timers;
        this.every = every;
        this.read = read;
    }

    synchronized void start() {
        long spreadMs = Math.min(every.toMillis(), FIRST_READ_SPREAD_S * 1000);
        schedule(Duration.ofMillis(ThreadLocalRandom.current().nextLong(spreadMs + 1)));
    }

    synchronized void stop() {
        stopped = true;
        Cancellable pending = next;
        if (pending != null) {
            pending.cancel();
        }
        next = null;
    }

    private synchronized void schedule(Duration delay) {
        if (!stopped) {
            next = timers.schedule(delay, this::run);
        }
    }

    private void run() {
        synchronized (this) {
            if (stopped) {
                return;
            }
        }
        CompletableFuture<?> reading;
        try {
            reading = read.get();
        } catch (RuntimeException e) {
            reading = CompletableFuture.failedFuture(e);
        }
        reading.whenComplete((result, error) -> schedule(every));
    }
}
