package org.camalarm.rule;

import static org.camalarm.rule.RuleConfigs.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camalarm.thing.ThingUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Validation of a {@code camalarm.rule} configuration, with the exact messages users see. */
class RuleDefinitionTest {

    private static final String WHEN = "camalarm:vigi:frontdoor:humanAlarm";
    private static final String THEN = "camalarm:shelly:gate:power";

    /** A valid configuration with {@code overrides} applied. */
    private static Rule.Config valid(Object... overrides) {
        List<Object> all = new ArrayList<>(List.of("when", WHEN, "then", THEN, "command", "ON"));
        all.addAll(List.of(overrides));
        return config(all.toArray());
    }

    @Test
    void defaultsGiveAnEnabledRuleFiringOnOnAlwaysWithoutInterval() {
        RuleDefinition rule = RuleDefinition.of("gate", valid());
        assertEquals("gate", rule.id());
        assertEquals(new ChannelUID(new ThingUID("vigi", "frontdoor"), "humanAlarm"), rule.when());
        assertEquals(new Condition(null, null), rule.condition());
        assertEquals(new ChannelUID(new ThingUID("shelly", "gate"), "power"), rule.then());
        assertEquals("ON", rule.command());
        assertEquals(0, rule.intervalMillis());
        assertSame(Schedule.ALWAYS, rule.schedule());
        assertTrue(rule.enabled());
    }

    @Test
    void valuesAreTrimmedSwitchCommandsAndStatesUpperCasedOtherCommandsKept() {
        RuleDefinition rule = RuleDefinition.of(
                "gate",
                valid(
                        "when",
                        " " + WHEN + " ",
                        "state",
                        " off ",
                        "command",
                        " pulse ",
                        "interval",
                        2.5,
                        "schedule",
                        "Mon-Fri 18:00-07:00",
                        "enabled",
                        false));
        assertEquals(new Condition("OFF", null), rule.condition());
        assertEquals("PULSE", rule.command());
        assertEquals(2500, rule.intervalMillis());
        assertEquals("Mon-Fri 18:00-07:00", rule.schedule().toString());
        assertFalse(rule.enabled());
        assertEquals(
                "openGate",
                RuleDefinition.of("gate", valid("command", "openGate")).command());
        assertEquals(
                new Condition(null, "PERSON"),
                RuleDefinition.of("gate", valid("event", "PERSON")).condition());
        assertEquals(
                "when camalarm:vigi:frontdoor:humanAlarm (state OFF) then camalarm:shelly:gate:power PULSE,"
                        + " interval 2500 ms, schedule Mon-Fri 18:00-07:00, disabled",
                rule.toString());
    }

    static Stream<Arguments> invalidConfigurations() {
        return Stream.of(
                Arguments.of(valid("when", ""), "when: not a channel UID (camalarm:<type>:<id>:<channelId>): \"\""),
                Arguments.of(
                        valid("when", "camalarm:vigi:frontdoor"),
                        "when: not a channel UID (camalarm:<type>:<id>:<channelId>): \"camalarm:vigi:frontdoor\""),
                Arguments.of(
                        valid("when", "ipcamera:vigi:frontdoor:humanAlarm"),
                        "when: not a channel UID (camalarm:<type>:<id>:<channelId>):"
                                + " \"ipcamera:vigi:frontdoor:humanAlarm\""),
                Arguments.of(
                        valid("when", "camalarm:vigi:front door:humanAlarm"),
                        "when: not a channel UID (camalarm:<type>:<id>:<channelId>):"
                                + " \"camalarm:vigi:front door:humanAlarm\""),
                Arguments.of(
                        valid("then", "camalarm:shelly:gate:"),
                        "then: not a channel UID (camalarm:<type>:<id>:<channelId>): \"camalarm:shelly:gate:\""),
                Arguments.of(valid("state", "DIM"), "state must be ON or OFF, got \"DIM\""),
                Arguments.of(valid("state", "true"), "state must be ON or OFF, got \"true\""),
                Arguments.of(
                        valid("state", "ON", "event", "PERSON"),
                        "give state or event, not both (state \"ON\", event \"PERSON\")"),
                Arguments.of(
                        valid("command", " "),
                        "command is empty: give ON, OFF, TOGGLE, PULSE or the name of an http command"),
                Arguments.of(valid("interval", -1.0), "interval must be 0 to 86400 seconds, got -1.0"),
                Arguments.of(valid("interval", 86401), "interval must be 0 to 86400 seconds, got 86401.0"),
                Arguments.of(
                        valid("schedule", "Mon 22:00-6:0"),
                        "schedule: window \"Mon 22:00-6:0\" is not [DAYS] HH:MM-HH:MM"),
                Arguments.of(
                        valid("schedule", "Fri 22:00-06:00; Sa 00:00-24:00"),
                        "schedule: window \"Sa 00:00-24:00\": \"Sa\" is not a day: Mon, Tue, Wed, Thu, Fri, Sat or Sun"));
    }

    @ParameterizedTest
    @MethodSource("invalidConfigurations")
    void invalidConfigurationsAreRefusedWithTheExactProblem(Rule.Config config, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RuleDefinition.of("r", config));
        assertEquals(message, e.getMessage());
    }
}
