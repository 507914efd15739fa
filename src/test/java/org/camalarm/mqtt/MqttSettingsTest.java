package org.camalarm.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camalarm.config.ConfigReading;
import org.camalarm.config.TestConfigs;
import org.junit.jupiter.api.Test;

/** {@code camalarm.mqtt} read through its Metatype: defaults, and each unusable value named by its key. */
class MqttSettingsTest {

    private static MqttSettings read(Map<String, Object> properties) {
        ConfigReading<MqttConfig> reading = TestConfigs.reader().read(MqttConfig.class, MqttBridge.PID, properties);
        assertEquals(List.of(), reading.problems());
        return MqttSettings.of(reading.values(), "camalarm-0a1b2c3d", "http://10.0.0.5:8080", "0.1.0");
    }

    private static Map<String, Object> with(String... keyValues) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("broker", "tcp://192.168.1.5:1883");
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.put(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    @Test
    void defaultsAreTheIssuesAndTheClientIdIsTheHubsOwn() {
        MqttSettings settings = read(with());
        assertEquals("camalarm", settings.baseTopic());
        assertEquals("homeassistant", settings.discoveryPrefix());
        assertTrue(settings.discovery() && settings.publishImages());
        assertEquals(MqttSettings.SnapshotEntity.BOTH, settings.snapshotEntity());
        assertEquals(1, settings.qos());
        assertEquals("camalarm-0a1b2c3d", settings.clientId());
        assertEquals("http://10.0.0.5:8080", settings.hubUrl());
        assertEquals(Duration.ofSeconds(1), settings.reconnectDelay());
        assertEquals(Duration.ofSeconds(60), settings.maxReconnectDelay());
        assertFalse(settings.tls());
        assertNull(settings.pin());
    }

    @Test
    void thePasswordIsNeverShown() {
        MqttSettings settings = read(with("password", "hunter2", "username", "ha"));
        assertFalse(settings.toString().contains("hunter2"), settings.toString());
        ConfigReading<MqttConfig> reading =
                TestConfigs.reader().read(MqttConfig.class, MqttBridge.PID, with("password", "hunter2"));
        assertEquals(ConfigReading.MASK, reading.shown().get("password"));
    }

    @Test
    void tlsSettingsAreReadAndThePinNormalised() {
        MqttSettings settings = read(with(
                "broker", "ssl://broker.lan:8883",
                "certificateFingerprint", "ab".repeat(32),
                "hubUrl", "https://hub.example/"));
        assertTrue(settings.tls());
        assertEquals(("AB:".repeat(32)).substring(0, 95), settings.pin());
        assertEquals("https://hub.example", settings.hubUrl());
    }

    @Test
    void unusableValuesAreNamedByTheirKey() {
        assertRefused("broker", with("broker", "mqtt://x:1883"));
        assertRefused("broker", with("broker", "192.168.1.5"));
        assertRefused("baseTopic", with("baseTopic", "camalarm/#"));
        assertRefused("discoveryPrefix", with("discoveryPrefix", "/homeassistant"));
        assertRefused("certificateFingerprint", with("certificateFingerprint", "12:34"));
        assertRefused("hubUrl", with("hubUrl", "/camalarm"));
        assertRefused("maxReconnectDelay", with("reconnectDelay", "10", "maxReconnectDelay", "5"));
        ConfigReading<MqttConfig> qos = TestConfigs.reader().read(MqttConfig.class, MqttBridge.PID, with("qos", "3"));
        assertEquals("qos", qos.problems().get(0).key());
    }

    @Test
    void aBrokerUrlWithAPasswordIsRefusedWithoutShowingIt() {
        for (String broker :
                List.of("tcp://user:S3cret@192.168.1.5:1883", "tcp://user:S3c@ret@broker", "tcp://us er:S3cret@x")) {
            ConfigReading<MqttConfig> reading =
                    TestConfigs.reader().read(MqttConfig.class, MqttBridge.PID, with("broker", broker));
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class,
                    () -> MqttSettings.of(reading.values(), "camalarm-x", null, "0.1.0"));
            assertTrue(e.getMessage().contains("broker") && e.getMessage().contains("***@"), e.getMessage());
            assertFalse(e.getMessage().contains("S3c"), e.getMessage());
        }
    }

    private static void assertRefused(String key, Map<String, Object> properties) {
        ConfigReading<MqttConfig> reading = TestConfigs.reader().read(MqttConfig.class, MqttBridge.PID, properties);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> MqttSettings.of(reading.values(), "camalarm-x", null, "0.1.0"));
        assertTrue(e.getMessage().contains(key), e.getMessage());
    }
}
