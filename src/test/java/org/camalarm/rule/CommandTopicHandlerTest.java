package org.camalarm.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.camalarm.push.Confirmation;
import org.camalarm.push.PushResult;
import org.camalarm.push.SwitchState;
import org.camalarm.thing.ThingRegistry;
import org.camalarm.thing.ThingUID;
import org.camalarm.time.ManualTimers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** The {@code camalarm/command} topic: another bundle's command in, its result out. */
class CommandTopicHandlerTest {

    private static final Instant NOW = Instant.parse("2026-10-05T12:00:00Z");
    private static final String GATE = "camalarm:shelly:gate:power";

    private final ManualTimers timers = new ManualTimers(NOW);
    private final ThingRegistry registry = new ThingRegistry();
    private final EventAdmin bus = mock(EventAdmin.class);
    private final CommandTopicHandler handler = new CommandTopicHandler(bus, registry, timers);
    private final FakePushTarget gate = new FakePushTarget(new ThingUID("shelly", "gate"), "power");
    private final FakePushTarget siren = new FakePushTarget(new ThingUID("http", "siren"), "playAlarm");

    @BeforeEach
    void things() {
        registry.register(gate);
        registry.register(siren);
    }

    private static Event command(String topic, Object... keysAndValues) {
        Map<String, Object> properties = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new Event(topic, properties);
    }

    private List<Event> posted() {
        ArgumentCaptor<Event> captor = ArgumentCaptor.forClass(Event.class);
        verify(bus, atLeast(0)).postEvent(captor.capture());
        return captor.getAllValues();
    }

    /** The one result posted, as topic-free properties. */
    private Map<String, Object> result() {
        List<Event> events = posted();
        assertEquals(1, events.size());
        assertEquals("camalarm/command/result", events.get(0).getTopic());
        Map<String, Object> properties = new HashMap<>();
        for (String name : events.get(0).getPropertyNames()) {
            if (!name.equals("event.topics")) {
                properties.put(name, events.get(0).getProperty(name));
            }
        }
        return properties;
    }

    @Test
    void theResultSaysWhetherTheDeviceConfirmedTheCommandWhenItWasReadBack() {
        gate.answering(new PushResult(
                true,
                PushResult.Reason.OK,
                "HTTP 200 OK, reads back ON",
                200,
                9,
                "",
                null,
                Confirmation.TRUE,
                SwitchState.ON));
        handler.handleEvent(command("camalarm/command", "channelUID", GATE, "command", "ON"));
        assertEquals(true, result().get("confirmed"));

        org.mockito.Mockito.clearInvocations(bus);
        gate.answering(new PushResult(
                false,
                PushResult.Reason.NOT_CONFIRMED,
                "HTTP 200 OK, but reads back OFF",
                200,
                9,
                "",
                null,
                Confirmation.FALSE,
                SwitchState.OFF));
        handler.handleEvent(command("camalarm/command", "channelUID", GATE, "command", "ON"));
        Map<String, Object> refused = result();
        assertEquals(false, refused.get("confirmed"));
        assertEquals("NOT_CONFIRMED", refused.get("reason"));
        assertEquals(false, refused.get("success"));
    }

    @Test
    void aCommandIsSentAndItsResultPostedWithTheCorrelationId() {
        handler.handleEvent(
                command("camalarm/command", "channelUID", GATE, "command", "toggle", "correlationId", "req-42"));
        assertEquals(List.of("power TOGGLE"), gate.received);
        assertEquals(
                Map.of(
                        "channelUID",
                        GATE,
                        "command",
                        "TOGGLE",
                        "success",
                        true,
                        "reason",
                        "OK",
                        "detail",
                        "HTTP 200 OK",
                        "status",
                        200,
                        "latencyMs",
                        3L,
                        "timestamp",
                        NOW.toEpochMilli(),
                        "correlationId",
                        "req-42"),
                result());
    }

    @Test
    void subTopicsWorkHttpCommandNamesPassAsTheyAreAndAnyCorrelationIdTypeIsEchoed() {
        handler.handleEvent(command(
                "camalarm/command/siren",
                "channelUID",
                "camalarm:http:siren:playAlarm",
                "command",
                "playAlarm",
                "correlationId",
                42L));
        assertEquals(List.of("playAlarm playAlarm"), siren.received);
        assertEquals(42L, result().get("correlationId"));
    }

    @Test
    void ourOwnResultsAreNotTakenForCommands() {
        handler.handleEvent(command("camalarm/command/result", "channelUID", GATE, "command", "ON", "success", true));
        assertEquals(List.of(), gate.received);
        verifyNoInteractions(bus);
    }

    @Test
    void aMissingTargetIsReportedWithoutCorrelationIdWhenNoneWasSent() {
        handler.handleEvent(command("camalarm/command", "channelUID", "camalarm:shelly:garage:power", "command", "ON"));
        assertEquals(
                Map.of(
                        "channelUID",
                        "camalarm:shelly:garage:power",
                        "command",
                        "ON",
                        "success",
                        false,
                        "reason",
                        "NO_TARGET",
                        "detail",
                        "no thing camalarm:shelly:garage",
                        "latencyMs",
                        0L,
                        "timestamp",
                        NOW.toEpochMilli()),
                result());
    }

    @Test
    void aMalformedChannelUIDIsABadCommand() {
        handler.handleEvent(command(
                "camalarm/command", "channelUID", "camalarm:shelly:gate", "command", "ON", "correlationId", "c1"));
        Map<String, Object> result = result();
        assertEquals("BAD_COMMAND", result.get("reason"));
        assertEquals(
                "not a channel UID (camalarm:<type>:<id>:<channelId>): \"camalarm:shelly:gate\"", result.get("detail"));
        assertEquals("c1", result.get("correlationId"));
    }

    @Test
    void aMissingCommandOrChannelIsABadCommand() {
        handler.handleEvent(command("camalarm/command", "channelUID", GATE, "command", " "));
        assertEquals("command is missing", posted().get(0).getProperty("detail"));
        handler.handleEvent(command("camalarm/command", "command", "ON"));
        assertEquals("channelUID is missing", posted().get(1).getProperty("detail"));
        assertEquals(null, posted().get(1).getProperty("channelUID"));
        assertEquals(List.of(), gate.received);
    }

    @Test
    void aChannelTheTargetLacksIsABadCommand() {
        handler.handleEvent(command("camalarm/command", "channelUID", "camalarm:shelly:gate:relay2", "command", "ON"));
        assertEquals("BAD_COMMAND", result().get("reason"));
        assertEquals("camalarm:shelly:gate has no channel relay2", result().get("detail"));
    }

    @Test
    void theResultIsPostedWhenThePushCompletesNotBefore() {
        CompletableFuture<PushResult> pending = new CompletableFuture<>();
        gate.replying(command -> pending);
        handler.handleEvent(command("camalarm/command", "channelUID", GATE, "command", "PULSE", "correlationId", "p"));
        verifyNoInteractions(bus);

        timers.advance(Duration.ofMillis(40));
        pending.complete(new PushResult(false, PushResult.Reason.REJECTED, "HTTP 400 Bad Request", 400, 40, "", null));
        assertEquals(
                Map.of(
                        "channelUID",
                        GATE,
                        "command",
                        "PULSE",
                        "success",
                        false,
                        "reason",
                        "REJECTED",
                        "detail",
                        "HTTP 400 Bad Request",
                        "status",
                        400,
                        "latencyMs",
                        40L,
                        "timestamp",
                        NOW.toEpochMilli() + 40,
                        "correlationId",
                        "p"),
                result());
    }
}
