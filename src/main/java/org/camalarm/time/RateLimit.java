package org.camalarm.time;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code max} permits per key within a sliding window, for log lines that a flood must not
 * multiply: the refused ones are counted and the next permitted line can say how many it stands
 * for. Keys are things or rules (a bounded set). Thread-safe.
 */
public final class RateLimit {

    /** Lines given in the current window, and lines refused since the last one given. */
    private record Window(long startMillis, int given, int refused) {}

    private final int max;
    private final long windowMillis;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimit(int max, Duration window, Clock clock) {
        this.max = max;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /**
     * Asks for one line of {@code key}.
     *
     * @return -1 when refused; else how many lines of the key were refused before this one
     */
    public int acquire(String key) {
        long now = clock.millis();
        int[] answer = new int[1];
        windows.compute(key, (k, window) -> {
            // a clock set back (NTP, a wrong RTC corrected) starts a new window: it never silences a key
            if (window == null || now - window.startMillis() >= windowMillis || now < window.startMillis()) {
                answer[0] = window == null ? 0 : window.refused();
                return new Window(now, 1, 0);
            }
            if (window.given() < max) {
                answer[0] = window.refused();
                return new Window(window.startMillis(), window.given() + 1, 0);
            }
            answer[0] = -1;
            return new Window(window.startMillis(), window.given(), window.refused() + 1);
        });
        return answer[0];
    }
}
