package org.camalarm.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a newcomer meets in the first hour, through the real hub: every configuration mistake
 * explains itself in the log and on the thing, the inbox cleans itself, and a port that cannot be
 * opened stops the hub with one clear line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirstHourIT {

    private static final Duration FEW_SECONDS = Duration.ofSeconds(15);

    private Hub hub;

    @BeforeAll
    void startHub(@TempDir Path dir) throws Exception {
        hub = Hub.withTokens(dir);
        hub.start();
    }

    @AfterAll
    void stopHub() throws Exception {
        hub.close();
    }

    private void awaitLog(String text) {
        await(text)
                .atMost(FEW_SECONDS)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> hub.logText().contains(text));
    }

    @Test
    void aCameraWithABadValueStaysAThingAndSaysWhyInTheLogAndItsStatus() throws Exception {
        hub.writeConf("camalarm.vigi-shed.cfg", "label=Shed\nholdTime=ten\nhodlTime=3\n");
        hub.awaitThing("camalarm:vigi:shed");

        JsonObject status = hub.thing("camalarm:vigi:shed").getAsJsonObject("statusInfo");
        assertEquals("OFFLINE", status.get("status").getAsString());
        assertEquals("CONFIGURATION_ERROR", status.get("statusDetail").getAsString());
        assertEquals(
                "hodlTime=3: unknown key; did you mean holdTime?; holdTime=ten: is not a number",
                status.get("description").getAsString());
        awaitLog("conf/camalarm.vigi-shed.cfg: holdTime=ten: is not a number");
        awaitLog("conf/camalarm.vigi-shed.cfg: hodlTime=3: unknown key; did you mean holdTime?");

        HttpResponse<String> alarm = hub.postJson("/shed", "{\"event_list\":[{\"event_type\":[\"MOTION\"]}]}");
        assertEquals(503, alarm.statusCode(), alarm.body());
        assertTrue(alarm.body().contains("camera_misconfigured"), alarm.body());
        assertTrue(hub.inbox().isEmpty(), "a misconfigured camera is never an unknown camera");

        hub.writeConf("camalarm.vigi-shed.cfg", "label=Shed\nholdTime=10\n");
        await().atMost(FEW_SECONDS)
                .until(() -> "UNKNOWN"
                        .equals(hub.thing("camalarm:vigi:shed")
                                .getAsJsonObject("statusInfo")
                                .get("status")
                                .getAsString()));
        assertEquals(
                200,
                hub.postJson("/shed", "{\"event_list\":[{\"event_type\":[\"MOTION\"]}]}")
                        .statusCode());
    }

    @Test
    void filesNobodyWouldReadAreNamedWithWhatToDo() throws Exception {
        hub.writeConf("camalarm.vigii-garage.cfg", "label=Garage\n");
        hub.writeConf("camalarm.vigi_cellar.cfg", "label=Cellar\n");

        awaitLog("conf/camalarm.vigii-garage.cfg: there is no thing type 'vigii' (did you mean vigi?)");
        awaitLog("conf/camalarm.vigi_cellar.cfg: not a camalarm file name: write a '-' between type and id,"
                + " camalarm.vigi-cellar.cfg");
    }

    @Test
    void twoCamerasOfOneMacAreSaidToTakeEachAlarmBoth() throws Exception {
        hub.writeConf("camalarm.vigi-front.cfg", "label=Front\nmac=98-BA-5F-00-00-21\n");
        hub.awaitThing("camalarm:vigi:front");
        hub.writeConf("camalarm.vigi-back.cfg", "label=Back\nmac=98:ba:5f:00:00:21\n");

        awaitLog("camalarm:vigi:back and camalarm:vigi:front are the same camera (MAC 98:BA:5F:00:00:21):"
                + " each of its alarms goes to both");
    }

    @Test
    void aThingIdUsedByTwoFilesIsReportedWithBoth() throws Exception {
        hub.writeConf("camalarm.vigi-porch.cfg", "label=Porch camera\n");
        hub.awaitThing("camalarm:vigi:porch");
        hub.writeConf("camalarm.ivsec-porch.cfg", "label=Porch too\n");

        awaitLog("conf/camalarm.ivsec-porch.cfg: thing camalarm:ivsec:porch not created: its id is already used by"
                + " camalarm:vigi:porch");
    }

    @Test
    void aRuleWithABadValueNamesTheFileTheKeyAndTheValue() throws Exception {
        hub.writeConf(
                "camalarm.rule-late.cfg",
                "when=camalarm:vigi:frontdoor:humanAlarm\nthen=camalarm:shelly:porch:power\ncommand=ON\n"
                        + "interval=sixty\n");

        awaitLog("conf/camalarm.rule-late.cfg: interval=sixty: is not a number");
        awaitLog("Rule late inactive until its configuration is fixed");
        assertFalse(hub.logText().contains("NumberFormatException"), hub.logText());
    }

    @Test
    void aRuleWhoseDeviceCannotTakeItsCommandIsSaidToFailWhenItIsRead() throws Exception {
        hub.writeConf("camalarm.shelly-shedlight.cfg", "label=Shed light\nhost=127.0.0.1\n");
        hub.awaitThing("camalarm:shelly:shedlight");
        hub.writeConf(
                "camalarm.rule-shed.cfg",
                "when=camalarm:vigi:frontdoor:humanAlarm\nthen=camalarm:shelly:shedlight:power\ncommand=ONN\n");

        // said when the file is read, not first at the night the rule should have switched the light
        awaitLog("conf/camalarm.rule-shed.cfg: rule shed is active but will fail at every firing: command:");
        assertFalse(hub.logText().contains("Rule shed active:"), hub.logText());
    }

    @Test
    void anAlarmBeforeItsFileLeavesNoStrandedInboxEntryAndIgnoredEntriesGo() throws Exception {
        assertEquals(
                200,
                hub.postJson("/attic", "{\"event_list\":[{\"event_type\":[\"MOTION\"]}]}")
                        .statusCode());
        assertEquals(
                200,
                hub.postJson("", "{\"mac\":\"98-ba-5f-8b-10-77\",\"event_list\":[{\"event_type\":[\"MOTION\"]}]}")
                        .statusCode());
        assertTrue(inboxHas("camalarm:vigi:attic"));
        assertTrue(inboxHas("camalarm:vigi:vigi_98ba5f8b1077"));

        hub.writeConf("camalarm.vigi-attic.cfg", "label=Attic\n");
        hub.awaitThing("camalarm:vigi:attic");
        await("the entry of a camera that is a thing now goes")
                .atMost(FEW_SECONDS)
                .until(() -> !inboxHas("camalarm:vigi:attic"));

        assertEquals(
                204,
                hub.api("DELETE", "inbox/camalarm:vigi:vigi_98ba5f8b1077", null).statusCode());
        assertFalse(inboxHas("camalarm:vigi:vigi_98ba5f8b1077"));
        hub.postJson("", "{\"mac\":\"98-ba-5f-8b-10-77\",\"event_list\":[{\"event_type\":[\"MOTION\"]}]}");
        assertFalse(inboxHas("camalarm:vigi:vigi_98ba5f8b1077"), "an ignored camera stays out");
        assertEquals(404, hub.api("DELETE", "inbox/camalarm:vigi:nobody", null).statusCode());
    }

    @Test
    void configurationsLoadedAndRemovedAndStatusChangesAreOneLineEach() throws Exception {
        hub.writeConf("camalarm.vigi-yard.cfg", "label=Yard\n");
        hub.awaitThing("camalarm:vigi:yard");
        awaitLog("INFO ConfigFiles - Configuration loaded: conf/camalarm.vigi-yard.cfg");

        hub.postJson("/yard", "{\"event_list\":[{\"event_type\":[\"MOTION\"]}]}");
        awaitLog("camalarm:vigi:yard is ONLINE");

        Files.delete(hub.conf.resolve("camalarm.vigi-yard.cfg"));
        awaitLog("INFO ConfigFiles - Configuration removed: conf/camalarm.vigi-yard.cfg");
    }

    @Test
    void aCamalarmFileThatIsNoCfgIsNamedWithTheNameItNeeds() throws Exception {
        hub.writeConf("camalarm.vigi-loft.conf", "label=Loft\n");
        awaitLog("WARN UnreadConfigFiles - conf/camalarm.vigi-loft.conf: never read: camalarm reads files named"
                + " camalarm.<name>.cfg; rename it camalarm.vigi-loft.cfg");
        assertEquals(null, hub.thing("camalarm:vigi:loft"));
    }

    @Test
    void aFileFileInstallCannotReadIsNamedInTheLog() throws Exception {
        // a typed .config value that is no integer: FileInstall refuses the file and says so in the OSGi log
        hub.writeConf("camalarm.vigi-typo.config", "holdTime=I\"ten\"\n");
        awaitLog("ERROR fileinstall - Failed to install artifact: " + hub.conf.resolve("camalarm.vigi-typo.config"));
        assertEquals(null, hub.thing("camalarm:vigi:typo"));
    }

    @Test
    void aFileDeletedWhileTheHubIsStoppedTakesItsThingWithIt(@TempDir Path dir) throws Exception {
        Hub own = Hub.withTokens(dir);
        own.writeConf("camalarm.vigi-porch.cfg", "label=Porch\n");
        own.writeConf("camalarm.vigi-gate.cfg", "label=Gate\n");
        try (own) {
            own.start();
            own.awaitThing("camalarm:vigi:porch");
            own.awaitThing("camalarm:vigi:gate");
        }
        Files.delete(own.conf.resolve("camalarm.vigi-porch.cfg"));
        try (own) {
            own.start();
            own.awaitThing("camalarm:vigi:gate");
            assertEquals(null, own.thing("camalarm:vigi:porch"), "the thing went with its file");
            assertTrue(
                    own.logText()
                            .contains("INFO ConfigFiles - Configuration removed: conf/camalarm.vigi-porch.cfg (the file"
                                    + " was deleted while the hub was stopped)"),
                    own.logText());
        }
    }

    @Test
    void aBusyPortStopsTheHubWithOneClearLine(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Hub.Exit exit = Hub.runToExit(dir, "org.osgi.service.http.port=" + taken.getLocalPort());
            assertEquals(2, exit.code(), exit.output());
            assertEquals(
                    "camalarm hub: cannot listen on port " + taken.getLocalPort() + " (HTTP): Address already in use."
                            + " Is another hub running? Stop it, or start the hub with"
                            + " -Dorg.osgi.service.http.port=<port>.",
                    exit.output());
        }
    }

    @Test
    void theGeneratedConfigurationListensForUdpAlarmsAndABusyUdpPortStopsTheHub(@TempDir Path dir) throws Exception {
        // no camalarm.server.cfg: the hub writes its own, whose udpPort=${camalarm.udpPort} is on
        // with the lenient port busy too: both are said at once, not one per start
        try (DatagramSocket taken = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"));
                ServerSocket lenient = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Hub.Exit exit = Hub.runToExit(
                    dir,
                    "org.osgi.service.http.port=" + Hub.freePort(),
                    "org.osgi.service.http.port.secure=" + Hub.freePort(),
                    "camalarm.lenientPort=" + lenient.getLocalPort(),
                    "camalarm.udpPort=" + taken.getLocalPort());
            assertEquals(2, exit.code(), exit.output());
            assertEquals(
                    "camalarm hub: cannot listen on port " + lenient.getLocalPort() + " (lenient alarm port): Address"
                            + " already in use. Is another hub running? Stop it, or start the hub with"
                            + " -Dcamalarm.lenientPort=<port> or set lenientPort in camalarm.server.cfg (0 = off).\n"
                            + "camalarm hub: cannot listen on port " + taken.getLocalPort()
                            + " (UDP alarm port): Address already"
                            + " in use. Is another hub running? Stop it, or start the hub with -Dcamalarm.udpPort=<port>"
                            + " or set udpPort in camalarm.server.cfg (0 = off).",
                    exit.output());
        }
    }

    private boolean inboxHas(String uid) throws Exception {
        return hub.inbox().asList().stream()
                .anyMatch(e -> uid.equals(e.getAsJsonObject().get("thingUID").getAsString()));
    }
}
