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
        long now = System.nanoTime();
        long next = nextInfo.get();
        if (now - next >= 0 && nextInfo.compareAndSet(next, now + MINUTE_NS)) {
            logger.info(format, arguments);
        } else {
            logger.debug(format, arguments);
        }
    }
}
