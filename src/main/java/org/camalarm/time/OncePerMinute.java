package org.camalarm.time;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * A message that goes to INFO at most once a minute and to DEBUG in between: a sender repeating a
 * mistake is told in the log without flooding it, and the next INFO line says how many it kept to
 * DEBUG (five new cameras in a minute do not read like one). Monotonic time; thread-safe.
 */
public final class OncePerMinute {

    private static final long MINUTE_NS = 60_000_000_000L;

    private final LongSupplier nanoTime;
    private final AtomicLong nextInfo;
    /** Lines logged at DEBUG since the last INFO. */
    private final AtomicLong quiet = new AtomicLong();

    public OncePerMinute() {
        this(System::nanoTime);
    }

    /** A gate on another clock of nanoseconds (tests). */
    OncePerMinute(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.nextInfo = new AtomicLong(nanoTime.getAsLong());
    }

    public void log(Logger logger, String format, Object... arguments) {
        if (!due()) {
            quiet.incrementAndGet();
            logger.debug(format, arguments);
            return;
        }
        long kept = quiet.getAndSet(0);
        if (kept == 0) {
            logger.info(format, arguments);
            return;
        }
        // the count goes before a trailing Throwable, which SLF4J takes as the line's exception
        int at = arguments.length > 0 && arguments[arguments.length - 1] instanceof Throwable
                ? arguments.length - 1
                : arguments.length;
        Object[] withKept = new Object[arguments.length + 1];
        System.arraycopy(arguments, 0, withKept, 0, at);
        withKept[at] = kept;
        System.arraycopy(arguments, at, withKept, at + 1, arguments.length - at);
        logger.info(format + " ({} more like it since the last such line, logged at debug)", withKept);
    }

    /** Whether this is the once in a minute (the first call is): then true, and false for a minute. */
    public boolean due() {
        long now = nanoTime.getAsLong();
        long next = nextInfo.get();
        return now - next >= 0 && nextInfo.compareAndSet(next, now + MINUTE_NS);
    }
}
