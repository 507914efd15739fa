package org.camalarm.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.camalarm.history.WriteOp.Entry;
import org.camalarm.history.WriteOp.Phase;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every query shape against a plain list of what was written: thing, type, kind and their
 * combinations, since, until, paging through small pages, across many segments, after deletes, after
 * reopening with and without the saved heads.
 */
class HistoryQueryTest {

    private static final String[] THINGS = {
        "camalarm:vigi:a", "camalarm:vigi:b", "camalarm:ivsec:c", "camalarm:shelly:d"
    };
    private static final String[] TYPES = {"PERSON", "MOTION", "VEHICLE", "ON"};

    @TempDir
    Path dir;

    private StoreFixture fixture;
    /** What was written, oldest first. */
    private final List<NewEvent> written = new ArrayList<>();

    private final Set<Long> deletedReceived = new HashSet<>();

    @BeforeEach
    void fill() throws IOException {
        fixture = new StoreFixture(dir, 4); // 128 KiB event segments: the events span many
        Random random = new Random(7);
        for (int i = 0; i < 3000; i++) {
            fixture.clock.advance(Duration.ofMillis(500 + random.nextInt(1000)));
            String thing = THINGS[random.nextInt(THINGS.length)];
            String type = TYPES[random.nextInt(TYPES.length)];
            EventKind kind = random.nextInt(10) == 0
                    ? EventKind.RULE
                    : thing.contains("shelly") ? EventKind.PUSH : EventKind.ALARM;
            NewEvent event = new NewEvent(
                    kind,
                    thing,
                    type,
                    "ch" + i,
                    EventAction.PULSE,
                    NewEvent.NO_TIME,
                    fixture.clock.millis(),
                    "10.0.0.1",
                    "x".repeat(random.nextInt(300)),
                    Map.of());
            if (kind == EventKind.ALARM) {
                fixture.store.recordAlarm(List.of(new Entry(event, Phase.BEGAN)), null);
            } else {
                assertTrue(fixture.store.recordPlain(event));
            }
            written.add(event);
        }
        fixture.store.maintain();
        assertTrue(SegmentFile.list(dir.resolve("events")).size() > 5, "the test needs several segments");
    }

    @AfterEach
    void close() throws IOException {
        fixture.close();
    }

    private List<Long> expected(
            @Nullable String thing, @Nullable String type, @Nullable EventKind kind, long since, long until) {
        List<Long> expected = new ArrayList<>();
        for (NewEvent e : written) {
            if ((thing == null || thing.equals(e.thing()))
                    && (type == null || type.equals(e.type()))
                    && (kind == null || kind == e.kind())
                    && e.received() >= since
                    && e.received() <= until
                    && !deletedReceived.contains(e.received())) {
                expected.add(e.received());
            }
        }
        Collections.reverse(expected);
        return expected;
    }

    private static final long YEAR_3000 =
            java.time.Instant.parse("3000-01-01T00:00:00Z").toEpochMilli();

    private void check(int limit) throws IOException {
        long start = written.get(0).received();
        long end = written.get(written.size() - 1).received();
        long[][] windows = {
            {Long.MIN_VALUE, Long.MAX_VALUE},
            {start + (end - start) / 3, Long.MAX_VALUE},
            {Long.MIN_VALUE, start + (end - start) / 2},
            {start + (end - start) / 4, start + (end - start) * 3 / 4},
            {Long.MIN_VALUE, YEAR_3000}, // beyond what an id can hold: everything, not nothing
            {YEAR_3000, Long.MAX_VALUE},
            {Long.MIN_VALUE, -1} // before 1970
        };
        for (String thing : new String[] {null, THINGS[0], THINGS[3]}) {
            for (String type : new String[] {null, "PERSON"}) {
                for (EventKind kind : new EventKind[] {null, EventKind.ALARM, EventKind.RULE}) {
                    for (long[] window : windows) {
                        EventFilter filter = new EventFilter(thing, type, kind, window[0], window[1], limit, null);
                        List<Long> actual = fixture.all(filter).stream()
                                .map(StoredEvent::received)
                                .toList();
                        assertEquals(expected(thing, type, kind, window[0], window[1]), actual, filter.toString());
                    }
                }
            }
        }
    }

    @Test
    void everyFilterAndPageSizeGivesWhatWasWritten() throws IOException {
        check(500);
        check(7);
    }

    @Test
    void afterDeletesAndAReopenTheAnswersStayRight() throws IOException {
        List<StoredEvent> some = fixture.all(EventFilter.newest(500).withThing(THINGS[0]));
        for (int i = 0; i < some.size(); i += 5) {
            assertTrue(fixture.store.delete(some.get(i).eventId()));
            deletedReceived.add(some.get(i).received());
        }
        fixture.reopen();
        check(50);
    }

    @Test
    void withoutTheSavedHeadsTheStoreRebuildsThem() throws IOException {
        fixture.close();
        try (Stream<Path> files = Files.list(dir.resolve("events"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".heads")).toList()) {
                Files.delete(file);
            }
        }
        fixture.open();
        check(50);
    }

    @Test
    void aCursorIsStableWhileNewEventsArrive() throws IOException {
        List<Long> seen = new ArrayList<>();
        EventFilter filter = EventFilter.newest(13);
        EventPage page = fixture.store.query(filter);
        List<Long> before = expected(null, null, null, Long.MIN_VALUE, Long.MAX_VALUE);
        while (true) {
            page.events().forEach(e -> seen.add(e.received()));
            fixture.clock.advance(Duration.ofSeconds(1));
            fixture.began(THINGS[1], "PERSON"); // arrives between two pages: belongs to no page of this walk
            if (page.next() == null) {
                break;
            }
            page = fixture.store.query(filter.before(page.next()));
        }
        assertEquals(before, seen);
    }
}
