package org.camalarm.time;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The real {@link Timers}: the system clock and one daemon timer thread for the whole bundle. */
@Component(service = Timers.class)
public class ExecutorTimers implements Timers {

    private static final Logger LOGGER = LoggerFactory.getLogger(ExecutorTimers.class);
    private final ScheduledThreadPoolExecutor executor;
    /**
     * One clock for the bundle's life: {@link Clock#systemDefaultZone()} clones the default time zone
     * on every call, which was 5 % of the hub's CPU under a load of alarms (each asks the time).
     */
    private final Clock clock = Clock.systemDefaultZone();

    public ExecutorTimers() {
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "camalarm-timers");
            t.setDaemon(true);
            return t;
        });
        // hold timers are rescheduled on every repeated alarm: drop cancelled ones at once
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public long monotonicMillis() {
        return System.nanoTime() / 1_000_000;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> future = executor.schedule(
                () -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        LOGGER.warn("A camalarm timer task failed", e);
                    }
                },
                delay.toNanos(),
                TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }
}
