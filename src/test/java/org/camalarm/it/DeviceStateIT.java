package org.camalarm.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.camalarm.push.FakeDevice;
import org.camalarm.push.FakeDevice.Reply;
import org.camalarm.push.StatefulDevice;
import org.camalarm.push.StatefulDevice.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Push targets that show their device's state, through the real hub: a relay that accepts commands
 * but ignores them, one switched by hand (followed every second, its change firing a rule), and one
 * that stops answering; and the clear 400s a wrong command gets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeviceStateIT {

    private static final Duration FEW_SECONDS = Duration.ofSeconds(5);

    private Hub hub;
    private StatefulDevice stubborn;
    private StatefulDevice garage;
    private StatefulDevice dock;
    private FakeDevice garageLamp;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        stubborn = StatefulDevice.start(Kind.SHELLY_GEN2).ignoringCommands();
        garage = StatefulDevice.start(Kind.TWO_N_RELAY);
        dock = StatefulDevice.start(Kind.AXIS);
        garageLamp = FakeDevice.http(r -> Reply.of(200, "ok"));

        hub = Hub.withTokens(dir);
        hub.writeConf(
                "camalarm.shelly-stubborn.cfg",
                "host=127.0.0.1\nport=" + stubborn.port() + "\ntimeout=10000\nrefreshInterval=0\ngeneration=2\n");
        // these two follow their device every second
        hub.writeConf(
                "camalarm.2n-relay-garage.cfg",
                "host=127.0.0.1\nport=" + garage.port() + "\ntimeout=2000\nrefreshInterval=1\n");
        hub.writeConf(
                "camalarm.axis-dock.cfg",
                "host=127.0.0.1\nport=" + dock.port() + "\ntimeout=1000\nrefreshInterval=1\n");
        hub.writeConf(
                "camalarm.http-garagelamp.cfg",
                "host=127.0.0.1\nport=" + garageLamp.port() + "\nrefreshInterval=0\ncommand.on=POST light?on\n");
        hub.writeConf(
                "camalarm.rule-garagelight.cfg",
                "when=camalarm:2n-relay:garage:power\nstate=ON\nthen=camalarm:http:garagelamp:on\ncommand=ON\n");
        hub.writeConf("camalarm.vigi-cam9.cfg", "holdTime=30\n");
        hub.start();
        for (String uid : List.of("shelly:stubborn", "2n-relay:garage", "axis:dock", "http:garagelamp", "vigi:cam9")) {
            hub.awaitThing("camalarm:" + uid);
        }
    }

    @AfterAll
    void stop() throws Exception {
        hub.close();
        for (AutoCloseable c : new AutoCloseable[] {stubborn, garage, dock, garageLamp}) {
            c.close();
        }
    }

    private JsonObject post(String path, String body) throws Exception {
        HttpResponse<String> r = hub.api("POST", path, body);
        assertEquals(200, r.statusCode(), r.body());
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    @Test
    void aCommandTheDeviceDidNotCarryOutFailsNotConfirmedInRestAndTest() throws Exception {
        JsonObject rest = post("things/camalarm:shelly:stubborn/channels/power", "ON");
        JsonObject test = post("things/camalarm:shelly:stubborn/test", "ON");

        for (JsonObject result : List.of(rest, test)) {
            assertFalse(result.get("success").getAsBoolean(), result.toString());
            assertEquals("NOT_CONFIRMED", result.get("reason").getAsString(), result.toString());
            assertFalse(result.get("confirmed").getAsBoolean());
            assertEquals("OFF", result.get("state").getAsString());
            assertEquals(200, result.get("status").getAsInt(), "the device accepted the command");
        }
        assertEquals("OFF", hub.state("camalarm:shelly:stubborn", "power"), "power shows the device, not the command");
        assertTrue(hub.state("camalarm:shelly:stubborn", "lastResult").startsWith("NOT_CONFIRMED: "));
        assertEquals("ONLINE", status("camalarm:shelly:stubborn"), "it answered: reachable, just not obeying");

        // the history keeps what the read-back said, as REST did
        await().atMost(FEW_SECONDS)
                .until(() -> hub.allEvents("kind=push&thing=camalarm:shelly:stubborn")
                                .size()
                        == 2);
        for (JsonObject pushed : hub.allEvents("kind=push&thing=camalarm:shelly:stubborn")) {
            assertEquals("NOT_CONFIRMED", pushed.get("reason").getAsString(), pushed.toString());
            assertFalse(pushed.get("confirmed").getAsBoolean(), pushed.toString());
            assertEquals("OFF", pushed.get("state").getAsString(), pushed.toString());
        }
    }

    @Test
    void aRelaySwitchedByHandIsFollowedAndItsChangeFiresRules() throws Exception {
        await().atMost(FEW_SECONDS).until(() -> "OFF".equals(hub.state("camalarm:2n-relay:garage", "power")));
        assertEquals(List.of(), garageLamp.requestLines(), "the first value read fires no rule");

        garage.switchByHand(true);

        await().atMost(FEW_SECONDS).until(() -> "ON".equals(hub.state("camalarm:2n-relay:garage", "power")));
        await().atMost(FEW_SECONDS).until(() -> garageLamp.requestLines().equals(List.of("POST /light?on")));
        assertEquals(0, garage.commands(), "nothing was sent to the relay but reads");
    }

    @Test
    void aDeviceThatStopsAnsweringGoesOfflineWithTheReasonThenOnlineByItself() throws Exception {
        await().atMost(FEW_SECONDS).until(() -> "ONLINE".equals(status("camalarm:axis:dock")));

        dock.mute();
        await().atMost(Duration.ofSeconds(15)).until(() -> "OFFLINE".equals(status("camalarm:axis:dock")));
        JsonObject offline = hub.thing("camalarm:axis:dock").getAsJsonObject("statusInfo");
        assertEquals("COMMUNICATION_ERROR", offline.get("statusDetail").getAsString());
        assertTrue(offline.get("description").getAsString().contains("timed out"), offline.toString());

        dock.unmute();
        await().atMost(Duration.ofSeconds(15)).until(() -> "ONLINE".equals(status("camalarm:axis:dock")));
        assertEquals(0, dock.commands());
    }

    private String status(String uid) throws Exception {
        return hub.thing(uid).getAsJsonObject("statusInfo").get("status").getAsString();
    }

    @Test
    void badCommandsGetAClear400() throws Exception {
        HttpResponse<String> bad = hub.api("POST", "things/camalarm:shelly:stubborn/channels/power", "EXPLODE");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("ON, OFF, TOGGLE or PULSE"), bad.body());
        assertEquals(
                400,
                hub.api("POST", "things/camalarm:shelly:stubborn/channels/lastResult", "ON")
                        .statusCode());
        assertEquals(
                400,
                hub.api("POST", "things/camalarm:vigi:cam9/channels/motionAlarm", "ON")
                        .statusCode());
        assertEquals(
                404,
                hub.api("POST", "things/camalarm:shelly:nothing/channels/power", "ON")
                        .statusCode());
        assertEquals(
                400,
                hub.api("POST", "things/camalarm:shelly:stubborn/channels/power", "{\"command\":{}}")
                        .statusCode());
        assertEquals(
                400,
                hub.api("POST", "things/camalarm:shelly:stubborn/channels/power", "")
                        .statusCode());
    }
}
