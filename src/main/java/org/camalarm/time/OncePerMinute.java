package org.camalarm.time;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * A message that goes to INFO at most once a minute and to DEBUG in between: a sender repeating a
 * mistake is told in the log without flooding it. Monotonic time; thread-safe.
 */
public final class OncePerMinute {

    private static final long MINUTE_NS = 60_000_000_000L;

    private final AtomicLong nextInfo = new AtomicLong(System.nanoTime());

    public void log(Logger logger, String format, Object... arguments) {
        if (due()) {
            logger.info(format, arguments);
        } else {
            logger.debug(format, arguments);
        }
    }

    /** Whether this is the once in a minute (the first call is): then true, and false for a minute. */
    public boolean due() {
        long now = System.nanoTime();
        long next = nextInfo.get();
        return now - next >= 0 && nextInfo.compareAndSet(next, now + MINUTE_NS);
    }
}
