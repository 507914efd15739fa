package org.camalarm.time;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The once-a-minute gate of log lines: the first is due, the next ones within the minute are not. */
class OncePerMinuteTest {

    @Test
    void theFirstLineIsDueAndTheNextOnesWithinTheMinuteAreNot() {
        OncePerMinute lines = new OncePerMinute();
        assertTrue(lines.due());
        assertFalse(lines.due());
        assertFalse(lines.due());
        assertTrue(new OncePerMinute().due(), "each gate on its own");
    }

    @Test
    void theNextInfoLineSaysHowManyWentToDebugMeanwhile() {
        AtomicLong nanos = new AtomicLong(5_000);
        OncePerMinute lines = new OncePerMinute(nanos::get);
        Logger logger = mock(Logger.class);

        lines.log(logger, "New camera {}", "a");
        lines.log(logger, "New camera {}", "b");
        lines.log(logger, "New camera {}", "c");
        nanos.addAndGet(60_000_000_000L);
        lines.log(logger, "New camera {}", "d");
        nanos.addAndGet(60_000_000_000L);
        lines.log(logger, "New camera {}", "e");

        verify(logger).info("New camera {}", new Object[] {"a"}); // the varargs form, as OncePerMinute calls it
        verify(logger).debug("New camera {}", new Object[] {"b"});
        verify(logger).debug("New camera {}", new Object[] {"c"});
        verify(logger)
                .info("New camera {} ({} more like it since the last such line, logged at debug)", new Object[] {"d", 2L
                });
        verify(logger).info("New camera {}", new Object[] {"e"});
        verifyNoMoreInteractions(logger);
    }
}
