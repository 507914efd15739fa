package org.camalarm.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alarms over UDP through the real hub: datagrams as an iVSEC camera set to Protocol UDP may send
 * them light the channels; a wrong token or garbage changes nothing and is never answered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UdpAlarmIT {

    private static final Duration FEW_SECONDS = Duration.ofSeconds(5);

    private Hub hub;
    private DatagramSocket camera;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        hub = Hub.withTokens(dir);
        hub.writeConf(
                "camalarm.server.cfg",
                "alarmToken=" + Hub.ALARM_TOKEN + "\napiToken=" + Hub.API_TOKEN + "\nudpPort=" + hub.udpPort + "\n");
        hub.writeConf("camalarm.ivsec-pond.cfg", "label=Pond\nmac=5C-F2-07-49-0F-51\n");
        hub.writeConf("camalarm.ivsec-shed.cfg", "label=Shed\n");
        hub.writeConf("camalarm.vigi-porch.cfg", "label=Porch\n");
        hub.writeConf("camalarm.ivsec-gate.cfg", "label=Gate\nusername=cam\npassword=secret\n");
        hub.writeConf(
                "camalarm.ivsec-barn.cfg", "label=Barn\nusername=cam\npassword=secret\ncredentialsOverHttp=true\n");
        // the listener's drops are logged at debug: show them, to see what they say and how often
        hub.systemProperties.add("-Dorg.slf4j.simpleLogger.log.org.camalarm.server=debug");
        hub.start();
        for (String uid : new String[] {
            "camalarm:ivsec:pond",
            "camalarm:ivsec:shed",
            "camalarm:vigi:porch",
            "camalarm:ivsec:gate",
            "camalarm:ivsec:barn"
        }) {
            hub.awaitThing(uid);
        }
        camera = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        camera.setSoTimeout(1500);
    }

    @AfterAll
    void stop() throws Exception {
        camera.close();
        hub.close();
    }

    private void send(String datagram) throws IOException {
        byte[] bytes = datagram.getBytes(StandardCharsets.UTF_8);
        camera.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), hub.udpPort));
    }

    private void awaitState(String thing, String channel, String state) {
        await(thing + " " + channel + " " + state)
                .atMost(FEW_SECONDS)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> state.equals(hub.state(thing, channel)));
    }

    @Test
    void theApiCommandInADatagramLightsTheChannelAndStopEndsIt() throws Exception {
        String command = "camalarm/alarm/" + Hub.ALARM_TOKEN + "/pond?EventType=VideoMotion&EventTime=2022-5-26 11:5:0"
                + "&EventAction=start&MACAddress=5C-F2-07-49-0F-51";
        send(command);
        awaitState("camalarm:ivsec:pond", "motionAlarm", "ON");
        assertEquals("MOTION", hub.state("camalarm:ivsec:pond", "lastEventType"));

        send(command.replace("start", "stop"));
        awaitState("camalarm:ivsec:pond", "motionAlarm", "OFF");
        assertThrows(SocketTimeoutException.class, this::receive, "an accepted datagram is not answered either");
    }

    @Test
    void aWrongTokenOrGarbageChangesNothingAndGetsNoAnswer() throws Exception {
        send("camalarm/alarm/not-the-token/shed?EventType=VideoMotion&EventAction=start");
        send("\u0016\u0003\u0001\u0000garbage");
        send("{\"EventType\":\"VideoMotion\",\"EventAction\":\"start\",\"MACAddress\":\"5C-F2-07-49-0F-52\"}");
        // datagrams are handled in order: once this one shows, the ones before it were handled
        send("camalarm/alarm/" + Hub.ALARM_TOKEN + "/shed/PD");

        awaitState("camalarm:ivsec:shed", "humanAlarm", "ON");
        assertEquals("OFF", hub.state("camalarm:ivsec:shed", "motionAlarm"));
        assertEquals(0, hub.inbox().size(), hub.inbox().toString());
        assertThrows(SocketTimeoutException.class, this::receive, "nothing may be sent back");
        String log = hub.logText();
        assertEquals(1, log.split("UDP datagram from 127.0.0.1 dropped", -1).length - 1, "once per source: " + log);
        assertFalse(log.contains("not-the-token"), "the drop is logged without the datagram");
    }

    @Test
    void aCameraWithCredentialsIsHeardOverUdpOnlyAsOverPlainHttp() throws Exception {
        String basic = "Authorization: Basic "
                + java.util.Base64.getEncoder().encodeToString("cam:secret".getBytes(StandardCharsets.UTF_8));
        // gate takes its credentials over HTTPS only: a datagram, like plain HTTP, is refused even with them
        send("GET /camalarm/alarm/" + Hub.ALARM_TOKEN + "/gate/PD HTTP/1.1\r\n" + basic + "\r\n\r\n");
        // barn takes them over plain HTTP: without them refused, with them heard
        send("camalarm/alarm/" + Hub.ALARM_TOKEN + "/barn?EventType=VideoMotion&EventAction=start");
        send("GET /camalarm/alarm/" + Hub.ALARM_TOKEN + "/barn/PD HTTP/1.1\r\n" + basic + "\r\n\r\n");

        awaitState("camalarm:ivsec:barn", "humanAlarm", "ON"); // handled in order: the two before it were too
        assertEquals("OFF", hub.state("camalarm:ivsec:barn", "motionAlarm"), "no credentials, no alarm");
        assertEquals("OFF", hub.state("camalarm:ivsec:gate", "humanAlarm"), "credentials in clear are not taken");
        assertThrows(SocketTimeoutException.class, this::receive, "a refusal is not answered either");
        assertFalse(hub.logText().contains("secret"), "credentials never logged");
    }

    @Test
    void aWholeHttpRequestWithAJsonBodyWorksToo() throws Exception {
        String json = """
                {"mac":"98-ba-5f-8b-10-77","event_list":[{"dateTime":"20261005150501","event_type":["PEOPLE"]}]}""";
        send("POST /camalarm/alarm/" + Hub.ALARM_TOKEN + "/porch HTTP/1.1\r\nHost: hub\r\n"
                + "Content-Type: application/json; charset=utf-8\r\nContent-Length: " + json.length() + "\r\n\r\n"
                + json);

        awaitState("camalarm:vigi:porch", "humanAlarm", "ON");
        assertTrue(hub.logText().contains("UDP alarm listener on port " + hub.udpPort), hub.logText());
    }

    private String receive() throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
        camera.receive(packet);
        return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
    }
}
