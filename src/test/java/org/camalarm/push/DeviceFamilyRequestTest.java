package org.camalarm.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exact request line of every family and command (docs/protocols.md section 2). */
class DeviceFamilyRequestTest {

    private static final DeviceSettings DEVICE = DeviceSettings.of(Protocol.HTTP, "192.168.85.160", 0);

    private static String line(DeviceFamily family, SwitchCommand command) {
        PushRequest request = family.request(command, DEVICE);
        return request.method() + " " + request.requestTarget();
    }

    @Test
    void shellyGen1Relay() {
        ShellyGen1 relay = new ShellyGen1(0, ShellyKind.RELAY, null);
        assertEquals("GET /relay/0?turn=on", line(relay, SwitchCommand.ON));
        assertEquals("GET /relay/0?turn=off", line(relay, SwitchCommand.OFF));
        assertEquals("GET /relay/0?turn=toggle", line(relay, SwitchCommand.TOGGLE));
        assertEquals("GET /relay/0?turn=on&timer=1", line(relay, SwitchCommand.PULSE));
        assertEquals(
                "GET /relay/1?turn=on&timer=3",
                line(new ShellyGen1(1, ShellyKind.RELAY, Duration.ofMillis(2500)), SwitchCommand.PULSE));
    }

    @Test
    void shellyGen1Dimmer() {
        ShellyGen1 light = new ShellyGen1(0, ShellyKind.LIGHT, Duration.ofSeconds(5));
        assertEquals("GET /light/0?turn=toggle", line(light, SwitchCommand.TOGGLE));
        assertEquals("GET /light/0?turn=on&timer=5", line(light, SwitchCommand.PULSE));
    }

    @Test
    void shellyGen2() {
        ShellyGen2 relay = new ShellyGen2(0, ShellyKind.RELAY, Duration.ofMillis(1500));
        assertEquals("GET /rpc/Switch.Set?id=0&on=true", line(relay, SwitchCommand.ON));
        assertEquals("GET /rpc/Switch.Set?id=0&on=false", line(relay, SwitchCommand.OFF));
        assertEquals("GET /rpc/Switch.Toggle?id=0", line(relay, SwitchCommand.TOGGLE));
        assertEquals("GET /rpc/Switch.Set?id=0&on=true&toggle_after=1.5", line(relay, SwitchCommand.PULSE));
        ShellyGen2 light = new ShellyGen2(2, ShellyKind.LIGHT, null);
        assertEquals("GET /rpc/Light.Set?id=2&on=true", line(light, SwitchCommand.ON));
        assertEquals("GET /rpc/Light.Toggle?id=2", line(light, SwitchCommand.TOGGLE));
        assertEquals("GET /rpc/Light.Set?id=2&on=true&toggle_after=1", line(light, SwitchCommand.PULSE));
    }

    @Test
    void shellyGen2DefaultsTheUserToAdmin() {
        ShellyGen2 relay = new ShellyGen2(0, ShellyKind.RELAY, null);
        assertEquals("admin", relay.adapt(DEVICE.withCredentials("", "pw")).username());
        assertEquals("other", relay.adapt(DEVICE.withCredentials("other", "pw")).username());
        assertEquals("", relay.adapt(DEVICE).username());
    }

    @Test
    void twoNWebRelay() {
        TwoNWebRelay relay = new TwoNWebRelay(1, null);
        assertEquals("GET /state.xml?relay1State=1", line(relay, SwitchCommand.ON));
        assertEquals("GET /state.xml?relay1State=0", line(relay, SwitchCommand.OFF));
        assertEquals("GET /state.xml?relay1State=5", line(relay, SwitchCommand.TOGGLE));
        assertEquals("GET /state.xml?relay1State=2", line(relay, SwitchCommand.PULSE));
        assertEquals(
                "GET /state.xml?relay2State=2&pulseTime2=5",
                line(new TwoNWebRelay(2, Duration.ofSeconds(5)), SwitchCommand.PULSE));
    }

    @Test
    void twoNIntercom() {
        TwoNIntercom intercom = new TwoNIntercom(1);
        assertEquals("GET /api/switch/ctrl?switch=1&action=on", line(intercom, SwitchCommand.ON));
        assertEquals("GET /api/switch/ctrl?switch=1&action=off", line(intercom, SwitchCommand.OFF));
        assertEquals("GET /api/switch/ctrl?switch=1&action=trigger", line(intercom, SwitchCommand.TOGGLE));
        assertEquals("GET /api/switch/ctrl?switch=1&action=trigger", line(intercom, SwitchCommand.PULSE));
    }

    @Test
    void axisIo() {
        AxisIo axis = new AxisIo(1, Duration.ofMillis(300));
        assertEquals("GET /axis-cgi/io/port.cgi?action=1%3A%2F", line(axis, SwitchCommand.ON));
        assertEquals("GET /axis-cgi/io/port.cgi?action=1%3A%5C", line(axis, SwitchCommand.OFF));
        assertEquals("GET /axis-cgi/io/port.cgi?action=1%3A%2F300%5C", line(axis, SwitchCommand.PULSE));
        assertFalse(axis.supports(SwitchCommand.TOGGLE));
        assertEquals(
                "Axis I/O cannot TOGGLE; it can [ON, OFF, PULSE]",
                assertThrows(IllegalArgumentException.class, () -> axis.request(SwitchCommand.TOGGLE, DEVICE))
                        .getMessage());
    }

    @Test
    void genericHttp() {
        GenericHttp generic = new GenericHttp(Map.of(
                SwitchCommand.ON,
                GenericCommand.parse("POST relay/0?turn=on"),
                SwitchCommand.OFF,
                GenericCommand.parse("POST relay/0?turn=off")));
        assertEquals("POST /relay/0?turn=on", line(generic, SwitchCommand.ON));
        assertEquals("POST /relay/0?turn=off", line(generic, SwitchCommand.OFF));
        assertFalse(generic.supports(SwitchCommand.PULSE));
        assertThrows(IllegalArgumentException.class, () -> generic.request(SwitchCommand.PULSE, DEVICE));
    }

    @Test
    void validatesParameters() {
        assertEquals(
                "relay must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> new TwoNWebRelay(0, null))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ShellyGen1(-1, ShellyKind.RELAY, null));
        assertThrows(IllegalArgumentException.class, () -> new AxisIo(1, Duration.ZERO));
    }
}
