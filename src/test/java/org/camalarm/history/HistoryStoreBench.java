package org.camalarm.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camalarm.history.WriteOp.Entry;
import org.camalarm.history.WriteOp.Phase;

/**
 * Query times of a large store, run by {@code bench/history-store.sh}: loads N events (default one
 * million) of 200 cameras and one rare camera over 30 days, reopens the store in this JVM, and prints
 * the median and 99th percentile of each query shape. Not a test: figures, not assertions.
 */
public final class HistoryStoreBench {

    private static final String[] TYPES = {"MOTION", "PERSON", "VEHICLE", "LINE_CROSSING", "INTRUSION", "TAMPER"};
    private static final int[] TYPE_WEIGHTS = {55, 25, 10, 5, 4, 1};

    private HistoryStoreBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench/history-store");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Instant end = Instant.parse("2026-12-01T00:00:00Z");
        long start = end.minus(Duration.ofDays(30)).toEpochMilli();
        Clock clock = Clock.fixed(end, ZoneOffset.UTC);
        HistorySettings settings = new HistorySettings(true, Duration.ofDays(31), 4096L << 20, 0);
        if (!Files.exists(dir.resolve("events"))) {
            long t0 = System.nanoTime();
            try (HistoryStore store = HistoryStore.open(dir, () -> settings, clock, id -> {})) {
                Random random = new Random(1);
                String data = "{\"ip\":\"192.168.1.20\",\"mac\":\"f0-a7-31-3e-84-18\",\"device_name\":\"VIGI C250\","
                        + "\"event_list\":[{\"dateTime\":\"20260307162912\",\"event_type\":[\"PEOPLE\"]}]}";
                List<Entry> batch = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    String thing =
                            i % 10_000 == 5_000 ? "camalarm:vigi:rare" : "camalarm:vigi:cam" + random.nextInt(200);
                    String type = type(random);
                    long received = start + (long) i * (30L * 86_400_000) / count;
                    batch.add(new Entry(
                            new NewEvent(
                                    EventKind.ALARM,
                                    thing,
                                    type,
                                    type.toLowerCase() + "Alarm",
                                    EventAction.PULSE,
                                    received - 500,
                                    received,
                                    "192.168.1.20",
                                    data,
                                    Map.of("ipAddress", "192.168.1.20")),
                            Phase.BEGAN));
                    if (batch.size() == 1000) {
                        store.recordAlarm(batch, null);
                        batch = new ArrayList<>();
                    }
                }
                if (!batch.isEmpty()) {
                    store.recordAlarm(batch, null);
                }
            }
            System.out.printf("loaded %,d events in %.1f s%n", count, (System.nanoTime() - t0) / 1e9);
        }
        long bytes;
        try (var files = Files.walk(dir)) {
            bytes = files.filter(Files::isRegularFile)
                    .mapToLong(f -> f.toFile().length())
                    .sum();
        }
        long t0 = System.nanoTime();
        try (HistoryStore store = HistoryStore.open(dir, () -> settings, clock, id -> {})) {
            System.out.printf(
                    "opened in %.0f ms; %,d bytes on disk (%.0f B per event); heap used %.1f MB%n",
                    (System.nanoTime() - t0) / 1e6, bytes, (double) bytes / count, heapMb());
            long day = 86_400_000;
            long now = end.toEpochMilli();
            run(store, "one camera, newest 50", filter("camalarm:vigi:cam7", null, Long.MIN_VALUE, Long.MAX_VALUE));
            run(
                    store,
                    "rare camera (1 in 10,000), newest 50",
                    filter("camalarm:vigi:rare", null, Long.MIN_VALUE, Long.MAX_VALUE));
            run(
                    store,
                    "one camera + TAMPER (1 %)",
                    filter("camalarm:vigi:cam7", "TAMPER", Long.MIN_VALUE, Long.MAX_VALUE));
            run(store, "all cameras, newest 50", filter(null, null, Long.MIN_VALUE, Long.MAX_VALUE));
            run(store, "type TAMPER, newest 50", filter(null, "TAMPER", Long.MIN_VALUE, Long.MAX_VALUE));
            run(store, "one camera, since 1 day ago", filter("camalarm:vigi:cam7", null, now - day, Long.MAX_VALUE));
            run(
                    store,
                    "one camera, until 20 days ago",
                    filter("camalarm:vigi:cam7", null, Long.MIN_VALUE, now - 20 * day));
            run(
                    store,
                    "one camera, one day 20 days ago",
                    filter("camalarm:vigi:cam7", null, now - 21 * day, now - 20 * day));
            EventFilter camera = filter("camalarm:vigi:cam7", null, Long.MIN_VALUE, Long.MAX_VALUE);
            EventId cursor = null;
            for (int page = 0; page < 19; page++) {
                cursor = store.query(camera.before(cursor)).next();
            }
            run(store, "one camera, 20th page by cursor", camera.before(cursor));
        }
    }

    private static EventFilter filter(String thing, String type, long since, long until) {
        return new EventFilter(thing, type, null, since, until, 50, null);
    }

    private static void run(HistoryStore store, String name, EventFilter filter) throws IOException {
        for (int i = 0; i < 100; i++) {
            store.query(filter);
        }
        double[] ms = new double[300];
        int found = 0;
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            found = store.query(filter).events().size();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("%-40s median %6.2f ms  p99 %6.2f ms  (%d events)%n", name, ms[150], ms[296], found);
    }

    private static String type(Random random) {
        int r = random.nextInt(100);
        for (int i = 0; i < TYPES.length; i++) {
            r -= TYPE_WEIGHTS[i];
            if (r < 0) {
                return TYPES[i];
            }
        }
        return TYPES[0];
    }

    private static double heapMb() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return (runtime.totalMemory() - runtime.freeMemory()) / 1e6;
    }
}
