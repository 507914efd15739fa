package org.camalarm.history;

import java.time.Duration;

/**
 * The history's validated configuration, and the segment sizes that follow from it: segments are
 * a thirty-second (events) or a sixteenth (media) of the disk budget, so pruning by size frees
 * space in small steps, and roll at least every sixteenth of the maximum age, so pruning by age
 * is accurate to that.
 *
 * @param maxAge       events older than this are gone (not listed; their files deleted)
 * @param maxDiskBytes events and snapshots together stay below this
 * @param minFreeBytes below this free space on the disk, the oldest snapshots go, then the oldest events
 */
record HistorySettings(boolean enabled, Duration maxAge, long maxDiskBytes, long minFreeBytes) {

    private static final long MB = 1024 * 1024;

    static HistorySettings of(HistoryConfig config) {
        if (!(config.maxAgeDays() > 0) || config.maxAgeDays() > 36500) {
            throw new IllegalArgumentException(
                    "maxAgeDays must be more than 0 (and at most 36500): " + config.maxAgeDays());
        }
        if (config.maxDiskMB() < 1 || config.maxDiskMB() > Long.MAX_VALUE / MB) {
            throw new IllegalArgumentException("maxDiskMB must be at least 1: " + config.maxDiskMB());
        }
        if (config.minFreeDiskMB() < 0 || config.minFreeDiskMB() > Long.MAX_VALUE / MB) {
            throw new IllegalArgumentException("minFreeDiskMB must not be negative: " + config.minFreeDiskMB());
        }
        Duration maxAge = Duration.ofMillis(Math.max(1, Math.round(config.maxAgeDays() * 86_400_000d)));
        return new HistorySettings(config.enabled(), maxAge, config.maxDiskMB() * MB, config.minFreeDiskMB() * MB);
    }

    long eventSegmentBytes() {
        return clamp(maxDiskBytes / 32, 64 * 1024, 16 * MB);
    }

    long mediaSegmentBytes() {
        return clamp(maxDiskBytes / 16, 128 * 1024, 64 * MB);
    }

    long rollAfterMs() {
        return clamp(maxAge.toMillis() / 16, 1000, 86_400_000);
    }

    private static long clamp(long value, long min, long max) {
        return Math.max(min, Math.min(max, value));
    }
}
