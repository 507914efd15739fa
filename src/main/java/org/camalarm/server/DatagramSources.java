package org.camalarm.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * What the UDP listener remembers per sender address: a token bucket (at most {@code burst}
 * datagrams at once, refilled at {@code perSecond}) so that one sender cannot flood the decoder, and
 * whether its refusal was already logged. Remembers the {@value #MAX_SOURCES} most recent senders;
 * an older one forgotten starts afresh. Not thread-safe: the listener's single receiving thread owns it.
 */
final class DatagramSources {

    static final int MAX_SOURCES = 1024;

    private static final class Source {
        double tokens;
        long refilledAt;
        boolean logged;

        Source(double tokens, long refilledAt) {
            this.tokens = tokens;
            this.refilledAt = refilledAt;
        }
    }

    private final int burst;
    private final double perSecond;
    /** Milliseconds of the hub's clock, read at each call (tests move it). */
    private final LongSupplier millis;

    /** In access order: the first is the sender heard from longest ago. */
    private final Map<String, Source> sources = new LinkedHashMap<>(64, 0.75f, true);

    DatagramSources(int burst, double perSecond, LongSupplier millis) {
        this.burst = burst;
        this.perSecond = perSecond;
        this.millis = millis;
    }

    /** Takes a token for one datagram from {@code address}; false when its bucket is empty. */
    boolean admit(String address) {
        long now = millis.getAsLong();
        Source source = source(address, now);
        // a clock set back refills nothing until it moves on, instead of draining the bucket for as long
        long elapsed = Math.max(0, now - source.refilledAt);
        source.tokens = Math.min(burst, source.tokens + elapsed * perSecond / 1000);
        source.refilledAt = now;
        if (source.tokens < 1) {
            return false;
        }
        source.tokens--;
        return true;
    }

    /** True the first time it is asked about {@code address} (while remembered): log its refusal once. */
    boolean firstRefusal(String address) {
        Source source = source(address, millis.getAsLong());
        if (source.logged) {
            return false;
        }
        source.logged = true;
        return true;
    }

    private Source source(String address, long now) {
        Source known = sources.get(address);
        if (known != null) {
            return known;
        }
        Source added = new Source(burst, now);
        sources.put(address, added);
        if (sources.size() > MAX_SOURCES) {
            sources.remove(sources.keySet().iterator().next());
        }
        return added;
    }
}
