package org.camalarm.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@link Timers} for tests: time stands still until {@link #advance(Duration)} moves it, and runs
 * the timers that fall due, in order, on the calling thread. No sleeping, no flakiness. The wall
 * clock can also be set on its own ({@link #setWallClock}), as NTP or a user sets a real one.
 */
public final class ManualTimers implements Timers {

    private final List<Task> tasks = new ArrayList<>();
    /** Monotonic time, which the timers follow. */
    private Instant now;
    /** What the wall clock reads minus {@link #now}. */
    private Duration wallOffset = Duration.ZERO;

    private final ZoneId zone;
    private long sequence;

    private final class Task implements Cancellable {
        final Instant due;
        final long order = sequence++;
        final Runnable runnable;
        boolean cancelled;

        Task(Instant due, Runnable runnable) {
            this.due = due;
            this.runnable = runnable;
        }

        @Override
        public void cancel() {
            synchronized (ManualTimers.this) {
                cancelled = true;
                tasks.remove(this);
            }
        }
    }

    public ManualTimers(Instant start) {
        this(start, ZoneOffset.UTC);
    }

    public ManualTimers(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    @Override
    public synchronized Clock clock() {
        return Clock.fixed(now.plus(wallOffset), zone);
    }

    @Override
    public synchronized long monotonicMillis() {
        return now.toEpochMilli();
    }

    /** Sets the wall clock to {@code wall}, back or forward; monotonic time and the timers stay. */
    public synchronized void setWallClock(Instant wall) {
        wallOffset = Duration.between(now, wall);
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        Task t = new Task(now.plus(delay), task);
        tasks.add(t);
        return t;
    }

    /** Moves time forward, running every timer due on the way at its own time. */
    public void advance(Duration duration) {
        Instant end;
        synchronized (this) {
            end = now.plus(duration);
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.stream()
                        .filter(t -> !t.due.isAfter(end))
                        .min(Comparator.comparing((Task t) -> t.due).thenComparingLong(t -> t.order))
                        .orElse(null);
                if (next == null) {
                    now = end;
                    return;
                }
                tasks.remove(next);
                now = next.due;
            }
            next.runnable.run();
        }
    }

    /** Timers still waiting. */
    public synchronized int pending() {
        return tasks.size();
    }
}
