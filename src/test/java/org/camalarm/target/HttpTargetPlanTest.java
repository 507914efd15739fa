package org.camalarm.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camalarm.config.TestConfigs;
import org.camalarm.push.SwitchCommand;
import org.camalarm.push.SwitchState;
import org.junit.jupiter.api.Test;

/** What an http thing's status and command states make of it, and what they refuse. */
class HttpTargetPlanTest {

    private static TargetPlan plan(String... keysAndValues) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("host", "192.168.85.152");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        HttpTarget.Config config = TestConfigs.reader()
                .read(HttpTarget.Config.class, HttpTarget.PID, properties, HttpCommands::isCommandKey)
                .values();
        return HttpTarget.plan(config, properties);
    }

    private static String refusal(String... keysAndValues) {
        return assertThrows(IllegalArgumentException.class, () -> plan(keysAndValues))
                .getMessage();
    }

    @Test
    void commandsDeclaringOnAndOffDrivePowerAndAStatusCommandReadsTheState() {
        TargetPlan plan = plan(
                "command.post1", "POST relay/0?turn=on",
                "command.post1.state", "on",
                "command.post2", "POST relay/0?turn=off",
                "command.post2.state", "OFF",
                "command.flash", "POST relay/0?turn=on&timer=1",
                "statusCommand", "GET relay/0",
                "statusPointer", "/ison");

        assertEquals(EnumSet.of(SwitchCommand.ON, SwitchCommand.OFF), plan.switchCommands());
        assertEquals(Map.of("post1", SwitchState.ON, "post2", SwitchState.OFF), plan.namedStates());
        assertTrue(plan.readsState());
        assertTrue(TargetLifecycle.channels(plan).stream().anyMatch(c -> c.id().equals(TargetChannels.POWER)));
    }

    @Test
    void withoutStatusNothingIsReadAndThereIsNoPower() {
        TargetPlan plan = plan("command.on", "GET relay/0?turn=on");

        assertFalse(plan.readsState());
        assertTrue(TargetLifecycle.channels(plan).stream().noneMatch(c -> c.id().equals(TargetChannels.POWER)));
    }

    @Test
    void mistakesAreNamed() {
        assertEquals(
                "statusCommand needs statusPointer (a JSON pointer such as /ison) or statusPattern (a regular"
                        + " expression), exactly one",
                refusal("command.on", "GET x", "statusCommand", "GET relay/0"));
        assertEquals(
                "statusPointer and statusPattern read the reply of statusCommand, which is not set",
                refusal("command.on", "GET x", "statusPointer", "/ison"));
        assertEquals(
                "statusPointer: a JSON pointer starts with '/', e.g. /ison; got 'ison'",
                refusal("command.on", "GET x", "statusCommand", "GET relay/0", "statusPointer", "ison"));
        assertTrue(refusal("command.on", "GET x", "statusCommand", "GET r", "statusPattern", "(on")
                .startsWith("statusPattern: not a regular expression"));
        assertEquals(
                "statusCommand: a UDP device sends no reply to read a state from",
                refusal(
                        "protocol",
                        "udp",
                        "port",
                        "9000",
                        "command.on",
                        "GET x",
                        "statusCommand",
                        "GET r",
                        "statusPointer",
                        "/on"));
        assertEquals(
                "command.on.state must be ON or OFF, got 'yes'",
                refusal("command.on", "GET x", "command.on.state", "yes"));
        assertEquals(
                "command.of.state: there is no command.of", refusal("command.on", "GET x", "command.of.state", "ON"));
        assertEquals(
                "two commands declare state ON; power can send only one of them",
                refusal("command.a", "GET a", "command.a.state", "ON", "command.b", "GET b", "command.b.state", "ON"));
    }

    @Test
    void theRefreshIntervalIsOffOrAtLeastASecond() {
        assertEquals(null, TargetLifecycle.refreshInterval(0));
        assertEquals(java.time.Duration.ofMillis(2500), TargetLifecycle.refreshInterval(2.5));
        assertEquals(
                "refreshInterval must be 0 (off) or at least 1 second, got 0.5",
                assertThrows(IllegalArgumentException.class, () -> TargetLifecycle.refreshInterval(0.5))
                        .getMessage());
    }
}
