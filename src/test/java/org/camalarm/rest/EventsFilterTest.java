package org.camalarm.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.camalarm.history.EventFilter;
import org.camalarm.history.EventKind;
import org.junit.jupiter.api.Test;

/** The query parameters of GET /camalarm/api/events: what they mean and how a mistake is explained. */
class EventsFilterTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static EventFilter filter(String... keyValues) {
        java.util.Map<String, String[]> parameters = new java.util.HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            parameters.put(keyValues[i], new String[] {keyValues[i + 1]});
        }
        return EventsResource.filter(parameters, BERLIN);
    }

    @Test
    void defaultsAreTheNewestFiftyOfEverything() {
        EventFilter filter = filter();
        assertEquals(50, filter.limit());
        assertNull(filter.thing());
        assertEquals(Long.MIN_VALUE, filter.since());
        assertEquals(Long.MAX_VALUE, filter.until());
    }

    @Test
    void alarmTypesAreCanonicalAndTimesAreReadInEveryIsoForm() {
        EventFilter filter = filter(
                "thing",
                "camalarm:vigi:door",
                "type",
                "people",
                "kind",
                "ALARM",
                "since",
                "2026-12-01",
                "until",
                "2026-12-01T19:30");
        assertEquals("camalarm:vigi:door", filter.thing());
        assertEquals("PERSON", filter.type());
        assertEquals(EventKind.ALARM, filter.kind());
        assertEquals(
                Instant.parse("2026-11-30T23:00:00Z").toEpochMilli(),
                filter.since(),
                "a date starts at the hub's midnight");
        assertEquals(Instant.parse("2026-12-01T18:30:00Z").toEpochMilli(), filter.until());
        assertEquals(
                Instant.parse("2026-12-01T22:59:59.999Z").toEpochMilli(),
                filter("until", "2026-12-01").until(),
                "until a date includes that whole day");
        assertEquals(
                Instant.parse("2026-12-01T17:00:00Z").toEpochMilli(),
                filter("since", "2026-12-01T18:00:00+01:00").since());
        assertEquals(
                Instant.parse("2026-12-01T17:00:00Z").toEpochMilli(),
                filter("since", "2026-12-01T18:00:00 01:00").since(),
                "a + typed into a URL arrives as a space");
        assertEquals("post1", filter("kind", "push", "type", "post1").type(), "commands are taken as written");
    }

    @Test
    void mistakesNameTheParameter() {
        Map<String[], String> mistakes = Map.of(
                new String[] {"limit", "0"}, "limit",
                new String[] {"limit", "501"}, "limit",
                new String[] {"kind", "camera"}, "kind",
                new String[] {"since", "yesterday"}, "since",
                new String[] {"until", "+999999999-01-01T00:00:00Z"}, "until",
                new String[] {"before", "xyz"}, "before",
                new String[] {"thing", "door"}, "camalarm:<type>:<id>",
                new String[] {"tihng", "x"}, "unknown parameter tihng");
        mistakes.forEach((parameter, named) -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> filter(parameter));
            assertTrue(e.getMessage().contains(named), e.getMessage());
        });
        IllegalArgumentException reversed = assertThrows(
                IllegalArgumentException.class, () -> filter("since", "2026-12-02", "until", "2026-12-01"));
        assertTrue(reversed.getMessage().contains("after until"), reversed.getMessage());
    }
}
