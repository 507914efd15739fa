package org.camalarm.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the broker should hold, and in which order it goes out: latest wins, discovery first, events bounded. */
class OutboxTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private final Outbox outbox = new Outbox(3, Duration.ofSeconds(60));

    private static byte[] b(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private List<String> drain() {
        List<String> sent = new ArrayList<>();
        for (Outbox.Message m = outbox.next(NOW); m != null; m = outbox.next(NOW)) {
            sent.add(m.topic() + "=" + new String(m.payload(), StandardCharsets.UTF_8)
                    + (m.retained() ? "" : " (event)"));
            outbox.delivered(m);
        }
        return sent;
    }

    @Test
    void theLatestPayloadOfATopicWinsAndConfigsGoFirst() {
        outbox.put("s/motion", b("ON"), Outbox.Kind.STATE);
        outbox.put("s/motion", b("OFF"), Outbox.Kind.STATE);
        outbox.put("s/motion", b("ON"), Outbox.Kind.STATE);
        outbox.event("s/motion/event", b("e1"), NOW);
        outbox.put("c/motion", b("{}"), Outbox.Kind.CONFIG);
        outbox.put("s/status", b("online"), Outbox.Kind.STATUS);
        assertEquals(List.of("c/motion={}", "s/status=online", "s/motion=ON", "s/motion/event=e1 (event)"), drain());
        outbox.put("s/motion", b("ON"), Outbox.Kind.STATE);
        assertEquals(List.of(), drain(), "the broker has it already");
    }

    @Test
    void afterAConnectEverythingRetainedIsSentAgain() {
        outbox.put("c/motion", b("{}"), Outbox.Kind.CONFIG);
        outbox.put("s/motion", b("ON"), Outbox.Kind.STATE);
        drain();
        outbox.resendAll();
        assertEquals(List.of("c/motion={}", "s/motion=ON"), drain());
    }

    @Test
    void aClearingIsAnEmptyPayloadAndThenTheTopicIsForgotten() {
        outbox.put("c/motion", b("{}"), Outbox.Kind.CONFIG);
        drain();
        outbox.clear("c/motion", Outbox.Kind.STATE);
        assertEquals(List.of("c/motion="), drain());
        outbox.resendAll();
        assertEquals(List.of(), drain());
    }

    @Test
    void aFailedMessageIsSentAgainUnlessANewerOneIsDueAnyway() {
        outbox.put("s/motion", b("ON"), Outbox.Kind.STATE);
        Outbox.Message first = outbox.next(NOW);
        outbox.failed(first);
        Outbox.Message again = outbox.next(NOW);
        assertEquals("ON", new String(again.payload(), StandardCharsets.UTF_8));
        outbox.put("s/motion", b("OFF"), Outbox.Kind.STATE);
        outbox.failed(again); // the ON failed, but OFF is what the broker should hold now
        assertEquals(List.of("s/motion=OFF"), drain());
    }

    @Test
    void eventsAreBoundedOldestDroppedAndStaleOnesNeverSent() {
        for (int i = 1; i <= 5; i++) {
            outbox.event("e", b("e" + i), NOW.minusSeconds(i == 3 ? 120 : 0));
        }
        assertEquals(List.of("e=e4 (event)", "e=e5 (event)"), drain(), "e1, e2 dropped (full), e3 too old");
        assertEquals(3, outbox.droppedEvents());
        assertNull(outbox.next(NOW));
    }
}
