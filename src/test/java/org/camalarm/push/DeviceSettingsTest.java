package org.camalarm.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeviceSettingsTest {

    private static final String PIN =
            "ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:" + "ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89";

    @Test
    void masksThePasswordInToString() {
        DeviceSettings settings =
                DeviceSettings.of(Protocol.HTTP, "192.168.85.151", 0).withCredentials("admin", "s3cret-Pa55");

        assertFalse(settings.toString().contains("s3cret-Pa55"), settings.toString());
        assertTrue(settings.toString().contains("password=***"), settings.toString());
        assertTrue(settings.toString().contains("username=admin"), settings.toString());
    }

    @Test
    void defaultsThePortByProtocol() {
        assertEquals(80, DeviceSettings.of(Protocol.HTTP, "h", 0).effectivePort());
        assertEquals(443, DeviceSettings.of(Protocol.HTTPS, "h", 0).effectivePort());
        assertEquals(8081, DeviceSettings.of(Protocol.HTTP, "h", 8081).effectivePort());
    }

    @Test
    void udpNeedsAnExplicitPort() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> DeviceSettings.of(Protocol.UDP, "h", 0));
        assertEquals("UDP has no default port: configure the device's port", e.getMessage());
    }

    @Test
    void normalisesThePinnedFingerprint() {
        DeviceSettings settings = DeviceSettings.of(Protocol.HTTPS, "h", 0)
                .withCertificateFingerprint(PIN.replace(":", "").toLowerCase());

        assertEquals(PIN.toUpperCase(), settings.certificateFingerprint());
        assertNull(settings.withCertificateFingerprint("  ").certificateFingerprint());
    }

    @Test
    void rejectsBadValuesWithTheValueInTheMessage() {
        DeviceSettings base = DeviceSettings.of(Protocol.HTTP, "h", 0);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> base.withCertificateFingerprint("12:34"))
                .getMessage()
                .contains("'12:34'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DeviceSettings.of(Protocol.HTTP, "http://h/x", 0))
                .getMessage()
                .contains("'http://h/x'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DeviceSettings.of(Protocol.HTTP, "h:81", 0))
                .getMessage()
                .contains("port"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> base.withMaxConcurrent(0))
                .getMessage()
                .contains("got 0"));
        assertThrows(IllegalArgumentException.class, () -> base.withTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> DeviceSettings.of(Protocol.HTTP, "h", 70000));
    }

    @Test
    void acceptsIpv6LiteralsWithOrWithoutBrackets() {
        assertEquals("fe80::1", DeviceSettings.of(Protocol.HTTP, "[fe80::1]", 0).host());
        PushRequest request = PushRequest.of(DeviceSettings.of(Protocol.HTTP, "fe80::1", 8080), "GET", "x");
        assertEquals("http://[fe80::1]:8080/x", request.uri().toString());
    }
}
