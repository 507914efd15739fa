package org.camalarm.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.camalarm.camera.VigiCamera;
import org.camalarm.server.ServerConfig;
import org.camalarm.target.ShellyTarget;
import org.junit.jupiter.api.Test;

/** Reading configurations through their typed interfaces, with the Metatype bnd generated. */
class ConfigReaderTest {

    private final ConfigReader reader = TestConfigs.reader();

    @Test
    void absentKeysTakeTheMetatypeDefaultsAndStringsFromFilesAreConverted() {
        ConfigReading<ShellyTarget.Config> reading = reader.read(
                ShellyTarget.Config.class,
                "camalarm.shelly",
                Map.of("host", "10.0.0.5", "timeout", " 2500 ", "interval", "1.5", "kind", "LIGHT"));

        assertTrue(reading.ok(), reading.summary());
        ShellyTarget.Config config = reading.values();
        assertEquals("10.0.0.5", config.host());
        assertEquals(2500, config.timeout());
        assertEquals(1.5, config.interval());
        assertEquals("light", config.kind(), "an option matched without regard to case is the option");
        assertEquals(0, config.port(), "default");
        assertEquals("auto", config.authMode(), "default");
        assertEquals(1.0, config.pulseTime(), "default");
    }

    @Test
    void everyProblemNamesItsKeyAndValueAndTheDefaultStandsIn() {
        ConfigReading<VigiCamera.Config> reading = reader.read(
                VigiCamera.Config.class,
                "camalarm.vigi",
                Map.of("holdTime", "ten", "hodlTime", "3", "macc", "x", "service.pid", "camalarm.vigi~a"));

        assertEquals(
                List.of(
                        "hodlTime=3: unknown key; did you mean holdTime?",
                        "holdTime=ten: is not a number",
                        "macc=x: unknown key; did you mean mac?"),
                reading.problems().stream().map(ConfigProblem::toString).toList());
        assertEquals(10.0, reading.values().holdTime());
    }

    @Test
    void aConfigurationThatRunsOnWithTheDefaultSaysWhichValueApplies() {
        ConfigReading<ServerConfig> reading = reader.read(
                ServerConfig.class,
                "camalarm.server",
                Map.of("lenientPort", "abc", "apiToken", "x", "lenientPrt", "7"));

        assertEquals(
                List.of(
                        "lenientPort=abc: is not a number; lenientPort=0 applies", // the default: off
                        "lenientPrt=7: unknown key; did you mean lenientPort?"), // nothing applies for it
                reading.problems().stream().map(reading::withValueInEffect).toList());
    }

    @Test
    void requiredKeysOptionsAndWholeNumbersAreChecked() {
        ConfigReading<ShellyTarget.Config> reading = reader.read(
                ShellyTarget.Config.class,
                "camalarm.shelly",
                Map.of("protocol", "ftp", "index", "1.5", "generation", "7"));

        assertEquals(
                List.of(
                        "generation=7: must be one of 0, 1, 2",
                        "host: is required: The device's name or IP address.",
                        "index=1.5: is not a whole number",
                        "protocol=ftp: must be one of http, https, udp"),
                reading.problems().stream().map(ConfigProblem::toString).toList());
    }

    @Test
    void numbersThatAreNotFiniteAreNoNumbers() {
        ConfigReading<VigiCamera.Config> reading = reader.read(
                VigiCamera.Config.class,
                "camalarm.vigi",
                Map.of("holdTime", Double.NaN, "maxAlarmDuration", "Infinity"));

        assertEquals(
                List.of("holdTime=NaN: is not a number", "maxAlarmDuration=Infinity: is not a number"),
                reading.problems().stream().map(ConfigProblem::toString).toList());
    }

    @Test
    void typedValuesFromToolsAndListsAreTakenAsTheyAre() {
        ConfigReading<VigiCamera.Config> reading = reader.read(
                VigiCamera.Config.class,
                "camalarm.vigi",
                Map.of("holdTime", 2.5, "allowedAddresses", new String[] {"10.0.0.0/8", "192.168.1.20"}));

        assertTrue(reading.ok(), reading.summary());
        assertEquals(2.5, reading.values().holdTime());
        assertArrayEquals(
                new String[] {"10.0.0.0/8", "192.168.1.20"}, reading.values().allowedAddresses());
    }

    @Test
    void secretsAreMaskedInWhatUsersSeeAndNeverQuotedInProblems() {
        ConfigReading<ShellyTarget.Config> reading = reader.read(
                ShellyTarget.Config.class,
                "camalarm.shelly",
                Map.of("host", "10.0.0.5", "password", "hunter2", "felix.fileinstall.filename", "file:/c/x.cfg"));

        assertEquals("******", reading.shown().get("password"));
        assertFalse(reading.shown().containsKey("felix.fileinstall.filename"), "framework keys are not the user's");
        assertFalse(reading.shown().toString().contains("hunter2"));
        assertEquals(
                "",
                reader.read(ShellyTarget.Config.class, "camalarm.shelly", Map.of("host", "h"))
                        .shown()
                        .get("password"));
        assertEquals( // a misspelt secret is still a secret
                List.of("pasword: unknown key; did you mean password?"),
                reader
                        .read(ShellyTarget.Config.class, "camalarm.shelly", Map.of("host", "h", "pasword", "hunter2"))
                        .problems()
                        .stream()
                        .map(ConfigProblem::toString)
                        .toList());
    }

    @Test
    void extraKeysAreAcceptedOnlyWhereTheReaderSaysSo() {
        Map<String, Object> properties = Map.of("host", "h", "command.on", "POST relay/0?turn=on");

        assertFalse(reader.read(ShellyTarget.Config.class, "camalarm.shelly", properties)
                .ok());
        ConfigReading<ShellyTarget.Config> reading = reader.read(
                ShellyTarget.Config.class, "camalarm.shelly", properties, key -> key.startsWith("command."));
        assertTrue(reading.ok(), reading.summary());
        assertEquals("POST relay/0?turn=on", reading.shown().get("command.on"));
    }

    @Test
    void methodNamesMapToKeysAsDsMapsThem() {
        assertEquals("switch", TypedValues.key("switch$"));
        assertEquals("a.b", TypedValues.key("a_b"));
        assertEquals("a_b", TypedValues.key("a__b"));
        assertEquals("a-b", TypedValues.key("a$_$b"));
        assertEquals("a$b", TypedValues.key("a$$b"));
    }

    @Test
    void checkingWithoutATypedInterfaceFindsTheSameProblemsAReaderWould() {
        List<ConfigProblem> problems = reader.check(
                "camalarm.shelly",
                Map.of("protocol", "ftp", "timeout", "soon", "hots", "10.0.0.1", "command.x", "GET /"),
                key -> key.startsWith("command."));

        assertEquals(
                List.of(
                        "host: is required: "
                                + reader.describe("camalarm.shelly")
                                        .orElseThrow()
                                        .attribute("host")
                                        .orElseThrow()
                                        .description(),
                        "hots=10.0.0.1: unknown key; did you mean host?",
                        "protocol=ftp: must be one of http, https, udp",
                        "timeout=soon: is not a number"),
                problems.stream().map(ConfigProblem::toString).toList());
        assertTrue(reader.check("camalarm.vigi", Map.of("holdTime", "5", "label", "Gate"), k -> false)
                .isEmpty());
    }
}
