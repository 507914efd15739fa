package org.camalarm.push;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import org.eclipse.jdt.annotation.Nullable;

/** Pulse lengths as the families write them in requests. Stateless. */
final class PulseTimes {

    /** Pulse length when a family's pulse time is not configured: 1 second. */
    static final Duration DEFAULT = Duration.ofSeconds(1);

    private PulseTimes() {}

    /**
     * Checks a configured pulse time: {@code null} (the default) or positive.
     *
     * @throws IllegalArgumentException when zero or negative
     */
    static @Nullable Duration check(@Nullable Duration pulseTime) {
        if (pulseTime != null && (pulseTime.isNegative() || pulseTime.isZero())) {
            throw new IllegalArgumentException("pulseTime must be positive, got " + pulseTime);
        }
        return pulseTime;
    }

    /** Decimal seconds without trailing zeros ({@code 1.5}, {@code 2}), millisecond precision. */
    static String seconds(Duration pulse) {
        return BigDecimal.valueOf(pulse.toMillis(), 3).stripTrailingZeros().toPlainString();
    }

    /** Whole seconds, rounded up, at least 1. */
    static long wholeSeconds(Duration pulse) {
        return Math.max(
                1,
                BigDecimal.valueOf(pulse.toMillis(), 3)
                        .setScale(0, RoundingMode.CEILING)
                        .longValue());
    }

    static Duration orDefault(@Nullable Duration pulseTime) {
        return pulseTime == null ? DEFAULT : pulseTime;
    }

    static int checkIndex(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
        }
        return value;
    }
}
