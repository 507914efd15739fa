package org.camalarm.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Counts wrong credentials per sender address and refuses an address for a while once it has sent
 * too many: for cameras {@value #MAX_FAILURES} wrong ones within {@link #WINDOW} block it for
 * {@link #BLOCK}; the UI's sign-in has limits of its own ({@link Sessions}). An
 * IPv6 sender counts by its /64, which one host can fill with addresses. At most {@value #MAX_TRACKED}
 * addresses are remembered (the least recently seen is forgotten first), so a sender of many addresses
 * cannot grow the table. A success does not reset the count: a sender could otherwise wipe its
 * failures with alarms to a camera that needs no credentials. A clock set back (NTP, a wrong RTC
 * corrected) never makes a block last longer than {@code block} from when it is seen, nor keeps an
 * old window counting. Thread-safe.
 */
final class FailureLimiter {

    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(10);
    static final Duration BLOCK = Duration.ofMinutes(5);
    static final int MAX_TRACKED = 1024;
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private static final class Entry {
        long windowStart;
        int failures;
        long blockedUntil;
    }

    /** Milliseconds since the epoch, now. */
    private final LongSupplier clock;

    private final int maxFailures;
    private final long windowMs;
    private final long blockMs;
    /** Guarded by itself; in access order, so the eldest entry is the least recently seen. */
    private final Map<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.@Nullable Entry<String, Entry> eldest) {
            return size() > MAX_TRACKED;
        }
    };

    /** The limit of camera credentials: {@value #MAX_FAILURES} within {@link #WINDOW}, blocked for {@link #BLOCK}. */
    FailureLimiter(LongSupplier clock) {
        this(clock, MAX_FAILURES, WINDOW, BLOCK);
    }

    /** {@code maxFailures} wrong answers within {@code window} block an address for {@code block}. */
    FailureLimiter(LongSupplier clock, int maxFailures, Duration window, Duration block) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.windowMs = window.toMillis();
        this.blockMs = block.toMillis();
    }

    /** Seconds (rounded up) the address must still wait, 0 when it may send. */
    long blockedSeconds(String address) {
        long now = clock.getAsLong();
        synchronized (entries) {
            Entry entry = entries.get(key(address));
            if (entry == null || entry.blockedUntil <= now) {
                return 0;
            }
            if (entry.blockedUntil - now > blockMs) { // the clock was set back
                entry.blockedUntil = now + blockMs;
            }
            return (entry.blockedUntil - now + 999) / 1000;
        }
    }

    /** Counts one wrong answer; true when it is the one that blocks the address. */
    boolean failed(String address) {
        long now = clock.getAsLong();
        synchronized (entries) {
            String key = key(address);
            Entry entry = entries.get(key);
            if (entry == null) {
                entry = new Entry();
                entries.put(key, entry);
            }
            if (now - entry.windowStart >= windowMs || now < entry.windowStart) {
                entry.windowStart = now;
                entry.failures = 0;
            }
            entry.failures++;
            if (entry.failures < maxFailures) {
                return false;
            }
            entry.blockedUntil = now + blockMs;
            entry.failures = 0;
            entry.windowStart = now;
            return true;
        }
    }

    /** An IPv4 address as it is, an IPv6 address by its /64 (never a DNS look-up). */
    static String key(String address) {
        if (!address.contains(":") || !LITERAL.matcher(address).matches()) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return InetAddress.getByAddress(bytes).getHostAddress(); // ::ffff:a.b.c.d is a.b.c.d
            }
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)))
                        .append(':');
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
