package org.camalarm.mqtt;

import java.nio.file.Path;
import java.time.Duration;

/** Bridge settings for tests: the test broker's user, backoff from 0.1 s to 1 s, both snapshot entities. */
final class TestSettings {

    private TestSettings() {}

    static MqttSettings of(String broker, String password) {
        return of(broker, password, null, null);
    }

    static MqttSettings of(String broker, String password, Path caFile, String pin) {
        return new MqttSettings(
                broker,
                Mosquitto.USER,
                password,
                "camalarm-test",
                "camalarm",
                "homeassistant",
                true,
                true,
                MqttSettings.SnapshotEntity.BOTH,
                1,
                caFile,
                pin,
                "http://hub.test:8080",
                Duration.ofMillis(100),
                Duration.ofSeconds(1),
                "0.1.0");
    }
}
