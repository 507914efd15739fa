package org.camalarm.live;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.servlet.AsyncContext;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import org.camalarm.thing.ChannelDefinition;
import org.camalarm.thing.State;
import org.camalarm.thing.Thing;
import org.camalarm.thing.ThingEvents;
import org.camalarm.thing.ThingStatusInfo;
import org.camalarm.thing.ThingUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What stream clients are sent: every change, coalesced to the latest per channel, resumable. */
class LiveEventsTest {

    private static final ThingUID GATE = new ThingUID("vigi", "gate");
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final LiveEvents events = new LiveEvents(stopping::get);

    /** A client's side of the stream, as text. */
    static final class Received extends ServletOutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private int flushes;

        @Override
        public synchronized void flush() {
            flushes++;
        }

        synchronized int flushes() {
            return flushes;
        }

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {}
    }

    @AfterEach
    void stop() {
        events.deactivate();
    }

    private Received connect(long cursor) {
        Received out = new Received();
        assertTrue(events.add(
                new StreamClient(mock(AsyncContext.class), out, "test", cursor, System.currentTimeMillis())));
        return out;
    }

    private static int count(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void aClientGetsEveryKindOfChangeInOrderWithIds() {
        Received out = connect(events.sequence());
        events.stateChanged(GATE, "humanAlarm", State.ON, State.OFF);
        events.triggered(GATE, "event", "PERSON");
        events.statusChanged(GATE, ThingStatusInfo.ONLINE);
        await().atMost(Duration.ofSeconds(5)).until(() -> out.text().contains("event: status"));
        String text = out.text();
        assertTrue(text.indexOf("event: state") < text.indexOf("event: trigger"), text);
        assertTrue(text.contains("data: {\"thingUID\":\"camalarm:vigi:gate\",\"channel\":\"humanAlarm\""), text);
        assertTrue(text.contains("\"state\":\"ON\",\"oldState\":\"OFF\""), text);
        assertTrue(text.contains("\"event\":\"PERSON\""), text);
        assertTrue(text.contains("\"status\":\"ONLINE\""), text);
        assertTrue(text.contains("id: " + events.head() + "\n"), "the last id is the head: " + text);
    }

    @Test
    void twoChangesReportedInTheOtherOrderThanMadeStillShowTheStateThereIs() {
        Thing gate = new Thing(
                GATE,
                "Gate",
                Map.of(),
                true,
                List.of(ChannelDefinition.state("lastEventType", "String", "Last event type")),
                ThingEvents.NONE);
        events.thingAdded(gate);
        Received out = connect(events.sequence());
        gate.updateState("lastEventType", State.string("PERSON"));
        gate.updateState("lastEventType", State.string("VEHICLE")); // made last...
        events.stateChanged(GATE, "lastEventType", State.string("VEHICLE"), State.string("PERSON"));
        events.stateChanged(GATE, "lastEventType", State.string("PERSON"), State.NULL); // ...reported last

        events.statusChanged(GATE, ThingStatusInfo.ONLINE);
        await().atMost(Duration.ofSeconds(5)).until(() -> out.text().contains("event: status"));
        assertTrue(out.text().contains("\"state\":\"VEHICLE\""), out.text());
        assertFalse(out.text().contains("\"state\":\"PERSON\""), out.text());
    }

    @Test
    void aStoppingHubDoesNotTellClientsItsThingsAreGone() {
        Received out = connect(events.sequence());
        Thing door = new Thing(new ThingUID("vigi", "door"), "Door", Map.of(), true, List.of(), ThingEvents.NONE);
        Thing lamp = new Thing(new ThingUID("shelly", "lamp"), "Lamp", Map.of(), true, List.of(), ThingEvents.NONE);
        events.thingRemoved(door); // a user deleted it: the page drops it
        stopping.set(true);
        events.thingRemoved(lamp); // the hub is stopping: the page keeps it until the stream is back
        events.statusChanged(GATE, ThingStatusInfo.ONLINE);
        await().atMost(Duration.ofSeconds(5)).until(() -> out.text().contains("event: status"));
        assertTrue(out.text().contains("camalarm:vigi:door"), out.text());
        assertFalse(out.text().contains("camalarm:shelly:lamp"), out.text());
    }

    @Test
    void aFloodOfChangesReachesAClientAsTheLatestStatePerChannel() {
        Received out = connect(events.sequence());
        for (int i = 0; i < 10_000; i++) {
            events.stateChanged(GATE, "lastSeen", State.number(i), State.number(i - 1));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> out.text().contains("\"state\":\"9999\""));
        int frames = count(out.text(), "\"channel\":\"lastSeen\"");
        assertTrue(frames < 100, "coalesced into few frames, not 10000: " + frames);
    }

    @Test
    void aClientIsWrittenToAtMostTwentyTimesASecondHoweverFastThingsChange() {
        Received out = connect(events.sequence());
        long end = System.nanoTime() + 1_000_000_000L;
        long i = 0;
        while (System.nanoTime() < end) {
            events.stateChanged(GATE, "lastSeen", State.number(i), State.number(i - 1));
            i++;
        }
        long last = i - 1;
        await().atMost(Duration.ofSeconds(5)).until(() -> out.text().contains("\"state\":\"" + last + "\""));
        assertTrue(
                out.flushes() <= 1000 / LiveEvents.BATCH_MILLIS + 3, out.flushes() + " writes for " + i + " changes");
    }

    @Test
    void aResumingClientGetsWhatItMissedAndAnIdOfAnotherRunCannotResume() {
        events.stateChanged(GATE, "humanAlarm", State.ON, State.OFF);
        long seen = events.sequence();
        String seenId = events.head();
        events.stateChanged(GATE, "carAlarm", State.ON, State.OFF);
        events.stateChanged(GATE, "humanAlarm", State.OFF, State.ON);

        assertEquals(seen, events.resumeFrom(seenId));
        Received out = connect(events.resumeFrom(seenId));
        await().atMost(Duration.ofSeconds(5)).until(() -> out.text().contains("carAlarm"));
        await().atMost(Duration.ofSeconds(5)).until(() -> out.text().contains("\"state\":\"OFF\",\"oldState\":\"ON\""));
        assertEquals(-1, events.resumeFrom("otherrun." + seen));
        assertEquals(-1, events.resumeFrom(null));
        assertEquals(-1, events.resumeFrom(seenId.replace(".", ".9")), "an id from the future");
    }

    @Test
    void aClientThatMissedMoreThingChangesThanTheRingHoldsIsToldToReset() {
        long start = events.sequence();
        for (int i = 0; i < LiveEvents.RING + 10; i++) {
            events.historyEvent(new com.google.gson.JsonObject());
        }
        assertEquals(-1, events.resumeFrom(events.head().replaceAll("\\.\\d+$", "." + start)));
        Received out = connect(start);
        await().atMost(Duration.ofSeconds(5)).until(() -> out.text().contains("event: reset"));
        assertFalse(out.text().contains("event: history"), out.text());
    }

    @Test
    void historyIsWantedWhileAClientWatchesAndNoClientResumesAcrossWhatWasLeftOut() {
        String before = events.head();
        assertFalse(events.wantsHistory(), "nobody watches: the history need not announce");
        assertEquals(-1, events.resumeFrom(before), "a client from before would miss what was left out");
        Received stale = connect(0); // admitted with a cursor from before the gap
        await().atMost(Duration.ofSeconds(5)).until(() -> stale.text().contains("event: reset"));

        StreamClient client = new StreamClient(
                mock(AsyncContext.class), new Received(), "test", events.sequence(), System.currentTimeMillis());
        assertTrue(events.add(client));
        assertTrue(events.wantsHistory());
        events.stateChanged(GATE, "humanAlarm", State.ON, State.OFF);
        String seen = events.head();
        events.remove(client);
        assertTrue(events.wantsHistory(), "a client that just left may come back for what it missed");
        assertEquals(events.sequence(), events.resumeFrom(seen));
    }
}
