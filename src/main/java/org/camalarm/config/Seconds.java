package org.camalarm.config;

import java.time.Duration;

/** Durations configured in seconds, decimals allowed (millisecond precision): hold times, intervals, pulses. */
public final class Seconds {

    /** A day: no duration a camera or relay needs is longer. */
    public static final double MAX = 86_400;

    private Seconds() {}

    /**
     * {@code seconds} of {@code key} as a duration.
     *
     * @throws IllegalArgumentException naming the key and the value when it is negative or above {@link #MAX}
     */
    public static Duration of(String key, double seconds) {
        if (!(seconds >= 0 && seconds <= MAX)) {
            throw new IllegalArgumentException(key + " must be 0 to " + (long) MAX + " seconds, got " + seconds);
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
