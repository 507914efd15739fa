package org.camalarm.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.camalarm.push.FakeDevice;
import org.camalarm.push.FakeDevice.Reply;
import org.camalarm.push.StatefulDevice;
import org.camalarm.push.StatefulDevice.Kind;
import org.camalarm.push.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Push targets and rules end to end: the real hub process pushes to fake devices on loopback that
 * answer like the real ones, driven by REST commands, Tests, and rules fired by camera alarms. The
 * relays keep a real on/off state and commands are confirmed by reading it back; {@link DeviceStateIT}
 * has the devices that do not obey, are switched by hand or go silent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PushTargetsIT {

    private static final Duration FEW_SECONDS = Duration.ofSeconds(5);
    private static final String SHELLY_OK = "{\"ison\":true,\"has_timer\":false}";

    private Hub hub;
    private StatefulDevice shelly;
    private StatefulDevice ruleShelly;
    private StatefulDevice webRelay;
    private FakeDevice intercom;
    private FakeDevice protectedShelly;
    private FakeDevice lamp;
    private FakeDevice axis;
    private ServerSocket silent;
    /** Accepts and never answers: a device that hangs. */
    private ServerSocket hanging;

    private final List<Socket> hung = new java.util.concurrent.CopyOnWriteArrayList<>();
    private DatagramSocket udp;
    private TestCertificates certificate;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        shelly = StatefulDevice.start(Kind.SHELLY_GEN1);
        ruleShelly = StatefulDevice.start(Kind.SHELLY_GEN1);
        webRelay = StatefulDevice.start(Kind.TWO_N_RELAY);
        intercom = FakeDevice.http(r -> Reply.of(200, "{\"success\":false,\"error\":{\"code\":14}}"));
        protectedShelly = FakeDevice.http(r -> "Basic YWRtaW46cmlnaHQ=".equals(r.header("Authorization"))
                ? Reply.of(200, SHELLY_OK)
                : Reply.of(401, "").withHeader("WWW-Authenticate", "Basic realm=\"shelly\""));
        lamp = FakeDevice.http(r -> Reply.of(200, "ok"));
        certificate = TestCertificates.selfSigned(dir, "axis.local");
        axis = FakeDevice.https(certificate.serverContext(), r -> Reply.of(200, "OK"));
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread closer = new Thread(this::acceptAndClose, "silent-device");
        closer.setDaemon(true);
        closer.start();
        udp = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        hanging = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread holder = new Thread(
                () -> {
                    while (!hanging.isClosed()) {
                        try {
                            hung.add(hanging.accept());
                        } catch (IOException e) {
                            return;
                        }
                    }
                },
                "hanging-device");
        holder.setDaemon(true);
        holder.start();

        hub = Hub.withTokens(dir);
        hub.writeConf("camalarm.shelly-porch.cfg", device(shelly.port()) + "generation=1\n");
        hub.writeConf("camalarm.shelly-hall.cfg", device(ruleShelly.port()) + "generation=1\nkind=light\n");
        hub.writeConf("camalarm.2n-relay-gate.cfg", device(webRelay.port()));
        hub.writeConf("camalarm.2n-intercom-door.cfg", device(intercom) + "switch=1\n");
        hub.writeConf(
                "camalarm.shelly-locked.cfg",
                device(protectedShelly) + "generation=1\nusername=admin\npassword=wrong\n");
        hub.writeConf(
                "camalarm.http-lamp.cfg",
                device(lamp) + "interval=60\ncommand.on=POST light/0?turn=on\ncommand.off=POST light/0?turn=off\n");
        hub.writeConf(
                "camalarm.http-dead.cfg",
                "host=127.0.0.1\nport=" + Hub.refusedPort() + "\ntimeout=1000\ncommand.on=GET relay/0?turn=on\n");
        hub.writeConf(
                "camalarm.http-silent.cfg",
                "host=127.0.0.1\nport=" + silent.getLocalPort() + "\ntimeout=1000\ncommand.on=GET x\n");
        hub.writeConf(
                "camalarm.http-hanging.cfg",
                "host=127.0.0.1\nport=" + hanging.getLocalPort() + "\ntimeout=500\ncommand.on=GET relay/0?turn=on\n");
        hub.writeConf(
                "camalarm.http-datagram.cfg",
                "host=127.0.0.1\nport=" + udp.getLocalPort() + "\nprotocol=udp\ncommand.ping=GET relay/0?turn=on\n");
        hub.writeConf("camalarm.axis-yard.cfg", device(axis) + "protocol=https\nioPort=1\n");
        hub.writeConf(
                "camalarm.axis-impostor.cfg",
                device(axis) + "protocol=https\ncertificateFingerprint="
                        + "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF\n");
        hub.writeConf("camalarm.vigi-cam1.cfg", "holdTime=30\n");
        hub.writeConf("camalarm.ivsec-gate2.cfg", "mac=5C-F2-07-49-0F-77\n");
        hub.writeConf(
                "camalarm.rule-personlight.cfg",
                "when=camalarm:vigi:cam1:humanAlarm\nstate=ON\n" + "then=camalarm:shelly:hall:power\ncommand=ON\n");
        hub.writeConf(
                "camalarm.rule-gateopen.cfg",
                "when=camalarm:ivsec:gate2:motionAlarm\nstate=ON\n"
                        + "then=camalarm:2n-relay:gate:power\ncommand=ON\n");
        hub.writeConf(
                "camalarm.rule-gateclose.cfg",
                "when=camalarm:ivsec:gate2:motionAlarm\nstate=OFF\n"
                        + "then=camalarm:2n-relay:gate:power\ncommand=OFF\n");
        hub.start();
        for (String uid : List.of(
                "shelly:porch",
                "shelly:hall",
                "2n-relay:gate",
                "2n-intercom:door",
                "shelly:locked",
                "http:lamp",
                "http:dead",
                "http:silent",
                "http:hanging",
                "http:datagram",
                "axis:yard",
                "axis:impostor",
                "vigi:cam1",
                "ivsec:gate2")) {
            hub.awaitThing("camalarm:" + uid);
        }
    }

    private static String device(FakeDevice device) {
        return device(device.port());
    }

    /**
     * A device read only after commands (refreshInterval=0), so that the requests it sees are exact;
     * generous timeout: a JVM's first TLS handshake alone can take seconds on a loaded machine.
     */
    private static String device(int port) {
        return "host=127.0.0.1\nport=" + port + "\ntimeout=10000\nrefreshInterval=0\n";
    }

    /** The requests that were commands, not state reads. */
    private static List<String> commands(StatefulDevice device, String marker) {
        return device.device().requestLines().stream()
                .filter(line -> line.contains(marker))
                .toList();
    }

    private void acceptAndClose() {
        while (!silent.isClosed()) {
            try (Socket s = silent.accept()) {
                s.getInputStream().read(); // read the request's first byte, then hang up without a status
            } catch (IOException e) {
                return;
            }
        }
    }

    @AfterAll
    void stop() throws Exception {
        hub.close();
        for (AutoCloseable c : new AutoCloseable[] {
            shelly, ruleShelly, webRelay, intercom, protectedShelly, lamp, axis, silent, udp, hanging
        }) {
            c.close();
        }
        for (Socket socket : hung) {
            socket.close();
        }
    }

    private JsonObject post(String path, String body) throws Exception {
        HttpResponse<String> r = hub.api("POST", path, body);
        assertEquals(200, r.statusCode(), r.body());
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    @Test
    void restCommandSendsTheExactShellyRequestAndUpdatesTheThing() throws Exception {
        JsonObject result = post("things/camalarm:shelly:porch/channels/power", "ON");

        assertTrue(result.get("success").getAsBoolean(), result.toString());
        assertEquals("OK", result.get("reason").getAsString());
        assertEquals(200, result.get("status").getAsInt());
        assertTrue(result.has("latencyMs") && result.has("body"));
        assertTrue(result.get("confirmed").getAsBoolean(), result.toString());
        assertEquals("ON", result.get("state").getAsString());
        assertEquals(
                List.of("GET /relay/0?turn=on", "GET /relay/0"), shelly.device().requestLines());
        assertTrue(shelly.isOn());
        assertEquals("ON", hub.state("camalarm:shelly:porch", "power"));
        assertEquals("200", hub.state("camalarm:shelly:porch", "lastResponseCode"));
        assertTrue(hub.state("camalarm:shelly:porch", "lastResult").startsWith("OK"));
        assertFalse("NULL".equals(hub.state("camalarm:shelly:porch", "lastPush")));
        assertEquals(
                "ONLINE",
                hub.thing("camalarm:shelly:porch")
                        .getAsJsonObject("statusInfo")
                        .get("status")
                        .getAsString());
    }

    @Test
    void pushesStartNoThreadOfTheirOwn() throws Exception {
        // on a machine with one or two cores the JDK HTTP client started a thread per exchange
        post("things/camalarm:shelly:porch/channels/power", "OFF");
        long before = hub.threadsStarted();
        for (int i = 0; i < 40; i++) {
            JsonObject result = post("things/camalarm:shelly:porch/channels/power", i % 2 == 0 ? "ON" : "OFF");
            assertTrue(result.get("success").getAsBoolean(), result.toString());
        }
        long started = hub.threadsStarted() - before;
        assertTrue(started < 20, started + " threads started for 40 commands (80 HTTP exchanges)");
    }

    @Test
    void vigiAlarmFiresTheRuleAndTheRelayGetsExactlyOneRequest() throws Exception {
        String alarm = """
                {"mac":"98-ba-5f-8b-10-55","event_list":[{"dateTime":"20261005150501","event_type":["PEOPLE"]}]}""";
        assertEquals(200, hub.postJson("/cam1", alarm).statusCode());

        await().atMost(FEW_SECONDS).until(() -> commands(ruleShelly, "turn=").size() == 1);
        assertEquals(List.of("GET /light/0?turn=on"), commands(ruleShelly, "turn="));
        await().atMost(FEW_SECONDS).until(() -> "ON".equals(hub.state("camalarm:shelly:hall", "power")));

        // a repeat while the detection is ON is not a new detection: no second push
        assertEquals(200, hub.postJson("/cam1", alarm).statusCode());
        await().during(Duration.ofMillis(800))
                .atMost(FEW_SECONDS)
                .until(() -> commands(ruleShelly, "turn=").size() == 1);
    }

    @Test
    void ivsecStartAndStopDriveTheRelayOnAndBackOff() throws Exception {
        hub.push(
                "GET",
                "?EventType=VideoMotion&EventAction=start&MACAddress=5CF207490F77",
                null,
                java.net.http.HttpRequest.BodyPublishers.noBody());
        await().atMost(FEW_SECONDS).until(() -> commands(webRelay, "State=").size() == 1);
        assertEquals(
                "GET /state.xml?relay1State=1", commands(webRelay, "State=").get(0));
        await().atMost(FEW_SECONDS).until(() -> "ON".equals(hub.state("camalarm:2n-relay:gate", "power")));

        hub.push(
                "GET",
                "?EventType=VideoMotion&EventAction=stop&MACAddress=5CF207490F77",
                null,
                java.net.http.HttpRequest.BodyPublishers.noBody());
        await().atMost(FEW_SECONDS).until(() -> commands(webRelay, "State=").size() == 2);
        assertEquals(
                "GET /state.xml?relay1State=0", commands(webRelay, "State=").get(1));
        await().atMost(FEW_SECONDS).until(() -> "OFF".equals(hub.state("camalarm:2n-relay:gate", "power")));
        assertFalse(webRelay.isOn());
    }

    @Test
    void testTellsUnreachableAndTimeoutFromRejectedFromNoStatusFromAuthentication() throws Exception {
        JsonObject dead = post("things/camalarm:http:dead/test", null);
        assertEquals("UNREACHABLE", dead.get("reason").getAsString(), dead.toString());
        assertTrue(dead.get("detail").getAsString().contains("refused"), dead.toString());
        assertTrue(dead.get("status").isJsonNull() || !dead.has("status"));

        JsonObject rejected = post("things/camalarm:2n-intercom:door/test", "PULSE");
        assertEquals("REJECTED", rejected.get("reason").getAsString(), rejected.toString());
        assertEquals(200, rejected.get("status").getAsInt());
        assertTrue(rejected.get("detail").getAsString().contains("14"), rejected.toString());
        assertEquals(List.of("GET /api/switch/ctrl?switch=1&action=trigger"), intercom.requestLines());

        JsonObject hangs = post("things/camalarm:http:hanging/test", null);
        assertEquals("UNREACHABLE", hangs.get("reason").getAsString(), hangs.toString());
        assertTrue(hangs.get("detail").getAsString().contains("timed out"), hangs.toString());

        JsonObject noStatus = post("things/camalarm:http:silent/test", null);
        assertEquals("NO_STATUS", noStatus.get("reason").getAsString(), noStatus.toString());

        JsonObject auth = post("things/camalarm:shelly:locked/test", "ON");
        assertEquals("AUTH_FAILED", auth.get("reason").getAsString(), auth.toString());
        JsonObject locked = hub.thing("camalarm:shelly:locked");
        assertEquals(
                "OFFLINE", locked.getAsJsonObject("statusInfo").get("status").getAsString());
        assertEquals(
                "COMMUNICATION_ERROR",
                locked.getAsJsonObject("statusInfo").get("statusDetail").getAsString());
        assertEquals(
                "******",
                locked.getAsJsonObject("configuration").get("password").getAsString());
        assertFalse(hub.logText().contains("password=wrong"));
    }

    @Test
    void intervalDropsRepeatsButTestIgnoresIt() throws Exception {
        assertTrue(post("things/camalarm:http:lamp/channels/on", "ON")
                .get("success")
                .getAsBoolean());
        JsonObject repeat = post("things/camalarm:http:lamp/channels/on", "ON");
        assertEquals("INTERVAL", repeat.get("reason").getAsString(), repeat.toString());
        assertEquals(List.of("POST /light/0?turn=on"), lamp.requestLines());

        JsonObject test = post("things/camalarm:http:lamp/test", "{\"command\":\"on\"}");
        assertTrue(test.get("success").getAsBoolean(), test.toString());
        assertEquals(List.of("POST /light/0?turn=on", "POST /light/0?turn=on"), lamp.requestLines());
    }

    @Test
    void udpCommandSendsTheDatagram() throws Exception {
        JsonObject result = post("things/camalarm:http:datagram/channels/ping", "ON");
        assertTrue(result.get("success").getAsBoolean(), result.toString());

        byte[] buffer = new byte[512];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        udp.setSoTimeout(5000);
        udp.receive(packet);
        assertEquals("relay/0?turn=on", new String(buffer, 0, packet.getLength(), StandardCharsets.UTF_8));
    }

    @Test
    void httpsCertificateIsTrustedOnFirstUseAndAMismatchIsAnError() throws Exception {
        JsonObject first = post("things/camalarm:axis:yard/channels/power", "ON");
        assertTrue(first.get("success").getAsBoolean(), first.toString());
        assertTrue(
                axis.requestLines().contains("GET /axis-cgi/io/port.cgi?action=1%3A%2F"),
                axis.requestLines().toString());
        String pins = Files.readString(hub.userdata.resolve("camalarm/pins.properties"));
        assertTrue(pins.contains(certificate.fingerprint().replace(":", "\\:")), pins);

        int seen = axis.requestLines().size();
        JsonObject impostor = post("things/camalarm:axis:impostor/channels/power", "ON");
        assertEquals("CERTIFICATE_MISMATCH", impostor.get("reason").getAsString(), impostor.toString());
        assertEquals(
                seen, axis.requestLines().size(), "nothing may be sent to a device whose certificate does not match");
    }

    @Test
    void ruleDroppedInAtRunTimeTakesEffect() throws Exception {
        try (FakeDevice siren = FakeDevice.http(r -> Reply.of(200, "ok"))) {
            hub.writeConf("camalarm.http-siren.cfg", device(siren) + "command.sound=POST siren?on=1\n");
            hub.writeConf("camalarm.vigi-drive.cfg", "holdTime=30\n");
            hub.awaitThing("camalarm:http:siren");
            hub.awaitThing("camalarm:vigi:drive");
            hub.writeConf(
                    "camalarm.rule-siren.cfg",
                    "when=camalarm:vigi:drive:event\nevent=VEHICLE\n" + "then=camalarm:http:siren:sound\ncommand=ON\n");

            // the rule exists once FileInstall has read it: alarm until the siren hears it
            String vehicle = """
                    {"event_list":[{"dateTime":"20261005150501","event_type":["VEHICLE"]}]}""";
            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> hub.postJson("/drive", vehicle).statusCode() == 200
                            && !siren.requestLines().isEmpty());
            assertEquals("POST /siren?on=1", siren.requestLines().get(0));
        }
    }
}
