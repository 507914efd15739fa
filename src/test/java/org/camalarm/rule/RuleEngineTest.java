package org.camalarm.rule;

import static org.camalarm.rule.RuleConfigs.config;
import static org.camalarm.rule.RuleConfigs.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.camalarm.push.PushResult;
import org.camalarm.thing.ChannelDefinition;
import org.camalarm.thing.RecordingThingEvents;
import org.camalarm.thing.State;
import org.camalarm.thing.Thing;
import org.camalarm.thing.ThingEvents;
import org.camalarm.thing.ThingHandler;
import org.camalarm.thing.ThingRegistry;
import org.camalarm.thing.ThingStatusInfo;
import org.camalarm.thing.ThingUID;
import org.camalarm.time.ManualTimers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Rules end to end without a framework: a camera thing tells the engine its changes, synchronously,
 * as the {@link org.camalarm.thing.ThingEventBus} tells its listeners; the engine drives fake push
 * targets and posts its own events on a mocked EventAdmin.
 */
class RuleEngineTest {

    private static final Instant MONDAY_NOON = Instant.parse("2026-10-05T12:00:00Z");
    private static final String HUMAN = "camalarm:vigi:frontdoor:humanAlarm";
    private static final String EVENT = "camalarm:vigi:frontdoor:event";
    private static final String GATE = "camalarm:shelly:gate:power";
    private static final String LIGHT = "camalarm:shelly:light:power";
    private static final String LIGHT_STATE = "camalarm:shelly:porch:power";

    private final ManualTimers timers = new ManualTimers(MONDAY_NOON);
    private final ThingRegistry registry = new ThingRegistry();
    /** Where the engine posts fired and result events. */
    private final EventAdmin ruleBus = mock(EventAdmin.class);
    /** Carries the things' changes to the engine, synchronously. */
    private final ThingEvents toEngine = new ThingEvents() {
        @Override
        public void stateChanged(ThingUID thing, String channelId, State newState, State oldState) {
            engine.stateChanged(thing, channelId, newState, oldState);
        }

        @Override
        public void triggered(ThingUID thing, String channelId, String event) {
            engine.triggered(thing, channelId, event);
        }

        @Override
        public void statusChanged(ThingUID thing, ThingStatusInfo status) {}
    };

    private RuleEngine engine = new RuleEngine(ruleBus, registry, timers);
    private final Thing camera = new Thing(
            new ThingUID("vigi", "frontdoor"),
            "Front door",
            Map.of(),
            true,
            List.of(
                    ChannelDefinition.state("humanAlarm", "Switch", "Person"),
                    ChannelDefinition.trigger("event", "Event")),
            toEngine);
    private final FakePushTarget gate = new FakePushTarget(new ThingUID("shelly", "gate"), "power");
    private final FakePushTarget light = new FakePushTarget(new ThingUID("shelly", "light"), "power");

    @BeforeEach
    void wire() {
        camera.updateState("humanAlarm", State.OFF); // as a camera starts: no detection (before the engine listens)
        registry.register(gate);
        registry.register(light);
    }

    private Rule rule(String id, Object... config) {
        Rule rule = new Rule(engine, config(config), named(id));
        assertTrue(rule.active(), id + " should be valid");
        return rule;
    }

    private List<Event> posted() {
        ArgumentCaptor<Event> captor = ArgumentCaptor.forClass(Event.class);
        verify(ruleBus, atLeast(0)).postEvent(captor.capture());
        return captor.getAllValues();
    }

    private List<String> topics() {
        return posted().stream().map(Event::getTopic).toList();
    }

    private static Map<String, Object> properties(Event event) {
        Map<String, Object> properties = new HashMap<>();
        for (String name : event.getPropertyNames()) {
            if (!name.equals("event.topics")) {
                properties.put(name, event.getProperty(name));
            }
        }
        return properties;
    }

    private Event last() {
        List<Event> all = posted();
        return all.get(all.size() - 1);
    }

    @Test
    void aStateRuleWithoutStateFiresWhenTheChannelTurnsOnNotOff() {
        rule("gate", "when", HUMAN, "then", GATE, "command", "on");
        camera.updateState("humanAlarm", State.ON);
        camera.updateState("humanAlarm", State.OFF);
        assertEquals(List.of("power ON"), gate.received);
        assertEquals(List.of("camalarm/rule/fired/gate", "camalarm/rule/result/gate"), topics());
    }

    @Test
    void aThingStartingUpFiresNoRule() {
        rule("light-off", "when", LIGHT_STATE, "state", "OFF", "then", GATE, "command", "OFF");
        rule("light-on", "when", LIGHT_STATE, "state", "ON", "then", GATE, "command", "ON");
        Thing relay = porchRelay();

        relay.updateState("power", State.OFF); // first value: NULL -> OFF
        assertEquals(List.of(), gate.received);

        relay.updateState("power", State.ON);
        relay.updateState("power", State.OFF);
        assertEquals(List.of("power ON", "power OFF"), gate.received);
    }

    @Test
    void aStateOffRuleFiresWhenTheChannelTurnsOff() {
        rule("light-off", "when", HUMAN, "state", "off", "then", LIGHT, "command", "OFF");
        camera.updateState("humanAlarm", State.ON);
        assertEquals(List.of(), light.received);
        camera.updateState("humanAlarm", State.OFF);
        assertEquals(List.of("power OFF"), light.received);
        assertEquals("OFF", posted().get(0).getProperty("trigger"));
    }

    @Test
    void anEventRuleFiresOnItsEventOnly() {
        rule("gate", "when", EVENT, "event", "PERSON", "then", GATE, "command", "PULSE");
        camera.trigger("event", "PERSON");
        camera.trigger("event", "VEHICLE");
        camera.updateState("humanAlarm", State.ON); // another channel
        assertEquals(List.of("power PULSE"), gate.received);
        assertEquals("PERSON", posted().get(0).getProperty("trigger"));
    }

    @Test
    void anEventRuleWithoutEventFiresOnAnyEvent() {
        rule("gate", "when", EVENT, "then", GATE, "command", "TOGGLE");
        camera.trigger("event", "PERSON");
        camera.trigger("event", "VEHICLE");
        assertEquals(List.of("power TOGGLE", "power TOGGLE"), gate.received);
    }

    @Test
    void firedAndResultEventsCarryTheDocumentedProperties() {
        rule("gate-on-person", "when", EVENT, "event", "person", "then", GATE, "command", "pulse");
        camera.trigger("event", "PERSON");

        List<Event> events = posted();
        assertEquals(2, events.size());
        assertEquals("camalarm/rule/fired/gate-on-person", events.get(0).getTopic());
        assertEquals(
                Map.of(
                        "rule",
                        "gate-on-person",
                        "when",
                        EVENT,
                        "then",
                        GATE,
                        "command",
                        "PULSE",
                        "trigger",
                        "PERSON",
                        "timestamp",
                        MONDAY_NOON.toEpochMilli()),
                properties(events.get(0)));
        assertEquals("camalarm/rule/result/gate-on-person", events.get(1).getTopic());
        assertEquals(
                Map.of(
                        "rule",
                        "gate-on-person",
                        "then",
                        GATE,
                        "command",
                        "PULSE",
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
                        MONDAY_NOON.toEpochMilli()),
                properties(events.get(1)));
    }

    @Test
    void aFailedPushIsReportedWithoutStatusWhenTheDeviceNeverAnswered() {
        gate.answering(FakePushTarget.REFUSED);
        rule("gate", "when", EVENT, "then", GATE, "command", "ON");
        camera.trigger("event", "PERSON");
        assertEquals(
                Map.of(
                        "rule",
                        "gate",
                        "then",
                        GATE,
                        "command",
                        "ON",
                        "success",
                        false,
                        "reason",
                        "UNREACHABLE",
                        "detail",
                        "connection refused by 127.0.0.1:8081",
                        "latencyMs",
                        1L,
                        "timestamp",
                        MONDAY_NOON.toEpochMilli()),
                properties(last()));
    }

    @Test
    void firingsInsideTheIntervalAreSkippedAndCountedThenTheRuleFiresAgain() {
        rule("gate", "when", EVENT, "then", GATE, "command", "PULSE", "interval", 10.0);
        camera.trigger("event", "PERSON");
        timers.advance(Duration.ofMillis(9_999));
        camera.trigger("event", "PERSON");
        camera.trigger("event", "VEHICLE");
        assertEquals(List.of("power PULSE"), gate.received);
        assertEquals(2, engine.rule("gate").skipped());
        assertEquals(2, posted().size());

        timers.advance(Duration.ofMillis(1));
        camera.trigger("event", "PERSON");
        assertEquals(List.of("power PULSE", "power PULSE"), gate.received);
        assertEquals(4, posted().size());
    }

    @Test
    void aDisabledRuleNeverFires() {
        rule("gate", "when", EVENT, "then", GATE, "command", "ON", "enabled", false);
        camera.trigger("event", "PERSON");
        assertEquals(List.of(), gate.received);
        verifyNoInteractions(ruleBus);
    }

    @Test
    void aRuleFiresOnlyInsideItsScheduleAcrossMidnight() {
        rule("night", "when", EVENT, "then", GATE, "command", "ON", "schedule", "Mon 22:00-06:00");
        camera.trigger("event", "PERSON"); // Monday 12:00
        timers.advance(Duration.ofHours(11)); // Monday 23:00
        camera.trigger("event", "PERSON");
        timers.advance(Duration.ofHours(6)); // Tuesday 05:00, still Monday's night
        camera.trigger("event", "PERSON");
        timers.advance(Duration.ofHours(1)); // Tuesday 06:00
        camera.trigger("event", "PERSON");
        timers.advance(Duration.ofHours(17)); // Tuesday 23:00: not a Monday night
        camera.trigger("event", "PERSON");
        assertEquals(List.of("power ON", "power ON"), gate.received);
    }

    @Test
    void aRuleItsScheduleOrIntervalHoldsBackSaysWhy() {
        List<String> skipped = new ArrayList<>();
        engine.addListener(new RuleListener() {
            @Override
            public void ruleSkipped(String rule, String trigger, long at, String why) {
                skipped.add(rule + " by " + trigger + ": " + why);
            }

            @Override
            public void ruleFinished(RuleFiring firing) {}
        });
        rule("night", "when", EVENT, "then", GATE, "command", "ON", "schedule", "Mon 22:00-06:00");
        rule("often", "when", EVENT, "then", GATE, "command", "OFF", "interval", "90");

        camera.trigger("event", "PERSON"); // Monday 12:00: night is outside, often fires
        camera.trigger("event", "PERSON");

        assertEquals(
                List.of(
                        "night by PERSON: outside its schedule Mon 22:00-06:00",
                        "night by PERSON: outside its schedule Mon 22:00-06:00",
                        "often by PERSON: within its interval of 90 s"),
                skipped.stream().sorted().toList());
    }

    @Test
    void theScheduleUsesTheClocksTimeZone() {
        engine = new RuleEngine(ruleBus, registry, new ManualTimers(MONDAY_NOON, ZoneId.of("Europe/Prague")));
        rule("lunch", "when", EVENT, "then", GATE, "command", "ON", "schedule", "14:00-15:00"); // 12:00Z = 14:00 CEST
        camera.trigger("event", "PERSON");
        assertEquals(List.of("power ON"), gate.received);
    }

    @Test
    void aMissingTargetIsReportedOnEveryFiring() {
        rule("garage", "when", EVENT, "then", "camalarm:shelly:garage:power", "command", "ON");
        camera.trigger("event", "PERSON");
        camera.trigger("event", "PERSON");
        assertEquals(
                List.of(
                        "camalarm/rule/fired/garage",
                        "camalarm/rule/result/garage",
                        "camalarm/rule/fired/garage",
                        "camalarm/rule/result/garage"),
                topics());
        assertEquals(
                Map.of(
                        "rule",
                        "garage",
                        "then",
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
                        MONDAY_NOON.toEpochMilli()),
                properties(last()));
    }

    @Test
    void aThingThatIsNoPushTargetOrLacksTheChannelIsReported() {
        ThingHandler cameraHandler = () -> camera;
        registry.register(cameraHandler);
        rule("loop", "when", EVENT, "then", HUMAN, "command", "ON");
        camera.trigger("event", "PERSON");
        assertEquals("NO_TARGET", last().getProperty("reason"));
        assertEquals("camalarm:vigi:frontdoor is not a push target", last().getProperty("detail"));

        rule("relay2", "when", EVENT, "then", "camalarm:shelly:gate:relay2", "command", "ON");
        camera.trigger("event", "PERSON");
        assertEquals("BAD_COMMAND", last().getProperty("reason"));
        assertEquals("camalarm:shelly:gate has no channel relay2", last().getProperty("detail"));
    }

    @Test
    void aThrowingTargetDoesNotStopTheNextRule() {
        gate.replying(command -> {
            throw new IllegalStateException("boom");
        });
        rule("a-gate", "when", EVENT, "then", GATE, "command", "ON");
        rule("b-light", "when", EVENT, "then", LIGHT, "command", "ON");
        camera.trigger("event", "PERSON");
        assertEquals(List.of("power ON"), light.received);
        List<Event> events = posted();
        assertEquals(
                List.of(
                        "camalarm/rule/fired/a-gate",
                        "camalarm/rule/result/a-gate",
                        "camalarm/rule/fired/b-light",
                        "camalarm/rule/result/b-light"),
                topics());
        assertEquals("ERROR", events.get(1).getProperty("reason"));
        assertEquals(
                "camalarm:shelly:gate failed on ON: java.lang.IllegalStateException: boom",
                events.get(1).getProperty("detail"));
        assertEquals(true, events.get(3).getProperty("success"));
    }

    @Test
    void aRuleThatFailsItselfDoesNotStopTheNextRule() {
        doThrow(new IllegalStateException("EventAdmin stopped"))
                .when(ruleBus)
                .postEvent(argThat(e -> e.getTopic().endsWith("/a-gate")));
        rule("a-gate", "when", EVENT, "then", GATE, "command", "ON");
        rule("b-light", "when", EVENT, "then", LIGHT, "command", "ON");
        camera.trigger("event", "PERSON");
        assertEquals(List.of("power ON"), light.received);
        assertEquals("camalarm/rule/result/b-light", last().getTopic());
    }

    @Test
    void theEventThreadNeverWaitsForThePushAndTheResultFollowsWhenItCompletes() {
        CompletableFuture<PushResult> pending = new CompletableFuture<>();
        gate.replying(command -> pending);
        rule("gate", "when", EVENT, "then", GATE, "command", "ON");
        camera.trigger("event", "PERSON"); // returns although the push is still running
        assertEquals(List.of("camalarm/rule/fired/gate"), topics());

        timers.advance(Duration.ofMillis(250));
        pending.complete(new PushResult(true, PushResult.Reason.OK, "HTTP 200 OK", 200, 250, "", null));
        assertEquals(List.of("camalarm/rule/fired/gate", "camalarm/rule/result/gate"), topics());
        assertEquals(250L, last().getProperty("latencyMs"));
        assertEquals(MONDAY_NOON.toEpochMilli() + 250, last().getProperty("timestamp"));
    }

    @Test
    void aPushFutureFailingUnexpectedlyIsAnErrorResult() {
        gate.replying(command -> CompletableFuture.failedFuture(new IllegalStateException("bug")));
        rule("gate", "when", EVENT, "then", GATE, "command", "ON");
        camera.trigger("event", "PERSON");
        assertEquals("ERROR", last().getProperty("reason"));
        assertEquals(
                "camalarm:shelly:gate failed on ON: java.lang.IllegalStateException: bug",
                last().getProperty("detail"));
    }

    @Test
    void rulesOnTheSameChannelFireInRegistrationOrderAndUnregisterAlone() {
        Rule first = rule("a-gate", "when", EVENT, "then", GATE, "command", "ON");
        rule("b-light", "when", EVENT, "then", LIGHT, "command", "OFF");
        camera.trigger("event", "PERSON");
        first.deactivate();
        camera.trigger("event", "PERSON");
        assertEquals(List.of("power ON"), gate.received);
        assertEquals(List.of("power OFF", "power OFF"), light.received);
    }

    @Test
    void aRuleWhoseIdWasTakenBecomesActiveWhenTheOtherGoes() {
        Rule first = rule("gate", "when", HUMAN, "then", GATE, "command", "ON");
        Rule second = new Rule(engine, config("when", EVENT, "then", LIGHT, "command", "OFF"), named("gate"));
        assertFalse(second.active(), "the id is taken");

        first.deactivate();
        assertTrue(second.active(), "it takes over the id");
        camera.trigger("event", "PERSON");
        assertEquals(List.of("power OFF"), light.received);

        Rule third = new Rule(engine, config("when", HUMAN, "then", GATE, "command", "ON"), named("gate"));
        third.deactivate(); // gone while waiting: nothing to take over later
        second.deactivate();
        assertNull(engine.rule("gate"));
    }

    @Test
    void nothingHappensForAChannelNoRuleWatchesOrAfterTheRuleIsGone() {
        Rule gone = rule("gate", "when", HUMAN, "then", GATE, "command", "ON");
        gone.deactivate();
        camera.updateState("humanAlarm", State.ON);
        camera.trigger("event", "PERSON");
        engine.stateChanged(camera.uid(), "humanAlarm", State.ON, State.OFF);
        assertEquals(List.of(), gate.received);
        verifyNoInteractions(ruleBus);
    }

    @Test
    void manyRulesOnOneChannelAllFire() {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rules.add(rule("r" + i, "when", EVENT, "then", GATE, "command", "ON"));
        }
        camera.trigger("event", "PERSON");
        assertEquals(20, gate.received.size());
        rules.forEach(Rule::deactivate);
        camera.trigger("event", "PERSON");
        assertEquals(20, gate.received.size());
    }

    @Test
    void rulesThatDriveEachOtherAtOnceLoopThroughTheTimerInsteadOfGrowingTheStack() {
        Thing relay = porchRelay();
        relay.updateState("power", State.OFF); // first value: no change a rule sees
        // the gate's push completes at once and flips the watched channel: a rule firing itself
        gate.replying(command -> {
            relay.updateState("power", State.ON.equals(relay.state("power")) ? State.OFF : State.ON);
            return java.util.concurrent.CompletableFuture.completedFuture(FakePushTarget.OK);
        });
        rule("loop-on", "when", LIGHT_STATE, "state", "ON", "then", GATE, "command", "ON");
        rule("loop-off", "when", LIGHT_STATE, "state", "OFF", "then", GATE, "command", "ON");

        int before = timers.pending();
        relay.updateState("power", State.ON);
        assertEquals(1, gate.received.size(), "the nested change is not decided on the same stack");
        assertEquals(before + 1, timers.pending(), "it waits for the timer thread, one turn of the loop each");
    }

    @Test
    void withNoSubscriberNothingIsPostedAndListenersHearTheFiringThenItsResult() {
        RecordingThingEvents nobodySubscribes = new RecordingThingEvents();
        nobodySubscribes.subscribers = false;
        engine = new RuleEngine(ruleBus, nobodySubscribes, registry, timers);
        List<String> heard = new ArrayList<>();
        engine.addListener(new RuleListener() {
            @Override
            public void ruleFired(String rule, String trigger, long firedAt) {
                heard.add("fired " + rule + " by " + trigger + " at " + Instant.ofEpochMilli(firedAt));
            }

            @Override
            public void ruleFinished(RuleFiring firing) {
                heard.add("finished " + firing.rule() + ": " + firing.reason());
            }
        });
        rule("gate", "when", HUMAN, "then", GATE, "command", "on");

        camera.updateState("humanAlarm", State.ON);

        assertEquals(List.of("power ON"), gate.received, "the push is sent all the same");
        assertEquals(List.of("fired gate by ON at " + MONDAY_NOON, "finished gate: OK"), heard);
        verifyNoInteractions(ruleBus); // EventAdmin would hand each to its threads even with no handler
    }

    /** A relay thing whose {@code power} channel rules can watch ({@link #LIGHT_STATE}). */
    private Thing porchRelay() {
        return new Thing(
                new ThingUID("shelly", "porch"),
                "Porch",
                Map.of(),
                true,
                List.of(ChannelDefinition.state("power", "Switch", "Power")),
                toEngine);
    }
}
