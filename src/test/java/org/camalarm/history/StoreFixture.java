package org.camalarm.history;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.camalarm.history.WriteOp.Entry;
import org.camalarm.history.WriteOp.Phase;
import org.camalarm.image.ImageBytes;
import org.camalarm.time.MutableClock;

/** A store in a temporary directory with a hand-moved clock, and ways to fill it. */
final class StoreFixture implements AutoCloseable {

    final Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
    final AtomicLong freeBytes = new AtomicLong(Long.MAX_VALUE);
    final List<EventId> imagesStored = new java.util.concurrent.CopyOnWriteArrayList<>();
    volatile HistorySettings settings;
    HistoryStore store;

    StoreFixture(Path dir, long maxDiskMB) throws IOException {
        this.dir = dir;
        this.settings = new HistorySettings(true, Duration.ofDays(30), maxDiskMB << 20, 0);
        open();
    }

    void open() throws IOException {
        store = HistoryStore.open(dir, () -> settings, clock, freeBytes::get, imagesStored::add);
    }

    void reopen() throws IOException {
        store.close();
        open();
    }

    static NewEvent alarm(String thing, String type, String channel, EventAction action, long received) {
        return new NewEvent(
                EventKind.ALARM,
                thing,
                type,
                channel,
                action,
                received - 1000,
                received,
                "192.168.1.20",
                "{\"type\":\"" + type + "\"}",
                Map.of("ipAddress", "192.168.1.20"));
    }

    /** One alarm with one event that begins a detection; returns its receive time. */
    long began(String thing, String type, byte[] image) throws IOException {
        long now = clock.millis();
        store.recordAlarm(
                List.of(new Entry(alarm(thing, type, channel(type), EventAction.PULSE, now), Phase.BEGAN)),
                image == null ? null : ImageBytes.of(image));
        return now;
    }

    long began(String thing, String type) throws IOException {
        long now = clock.millis();
        store.recordAlarm(
                List.of(new Entry(alarm(thing, type, channel(type), EventAction.PULSE, now), Phase.BEGAN)), null);
        return now;
    }

    void continued(String thing, String type, byte[] image) throws IOException {
        long now = clock.millis();
        store.recordAlarm(
                List.of(new Entry(alarm(thing, type, channel(type), EventAction.PULSE, now), Phase.CONTINUED)),
                image == null ? null : ImageBytes.of(image));
    }

    /** A push result now: command ON on the target's power channel, with its outcome's properties. */
    void pushed(String target, Map<String, String> outcome) {
        store.recordPlain(new NewEvent(
                EventKind.PUSH,
                target,
                "ON",
                "power",
                EventAction.NONE,
                NewEvent.NO_TIME,
                clock.millis(),
                "",
                "",
                outcome));
    }

    static String channel(String type) {
        return type.toLowerCase(java.util.Locale.ROOT) + "Alarm";
    }

    List<StoredEvent> all(EventFilter filter) throws IOException {
        List<StoredEvent> all = new ArrayList<>();
        EventPage page = store.query(filter);
        all.addAll(page.events());
        while (page.next() != null) {
            page = store.query(filter.before(page.next()));
            all.addAll(page.events());
        }
        return all;
    }

    @Override
    public void close() throws IOException {
        store.close();
    }
}
