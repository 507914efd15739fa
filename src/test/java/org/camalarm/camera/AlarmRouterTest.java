package org.camalarm.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camalarm.alarm.Alarm;
import org.camalarm.alarm.Alarm.Format;
import org.camalarm.alarm.Alarm.Vendor;
import org.camalarm.alarm.AlarmEvent;
import org.camalarm.alarm.AlarmEvent.Action;
import org.camalarm.auth.AuthResult;
import org.camalarm.auth.PresentedAuth;
import org.camalarm.auth.SenderAuthentication;
import org.camalarm.camera.AlarmRouter.Delivery;
import org.camalarm.camera.AlarmRouter.Route;
import org.camalarm.inbox.Inbox;
import org.camalarm.inbox.InboxEntry;
import org.camalarm.thing.ChannelDefinition;
import org.camalarm.thing.Thing;
import org.camalarm.thing.ThingEvents;
import org.camalarm.thing.ThingRegistry;
import org.camalarm.thing.ThingUID;
import org.camalarm.time.ManualTimers;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.ConfigurationAdmin;

/** Which camera a push reaches: NVRs are one thing per channel, found by MAC or device id. */
class AlarmRouterTest {

    private static final String NVR_MAC = "58:5B:69:AB:CD:EF";
    private final ManualTimers timers = new ManualTimers(Instant.parse("2026-11-25T10:00:00Z"));
    private final ThingRegistry registry = new ThingRegistry();
    private final Inbox inbox = new Inbox(mock(ConfigurationAdmin.class));
    private final AlarmRouter router = new AlarmRouter(registry, inbox);

    private CameraHandler camera(String type, String id, String mac, String deviceId, String channel) {
        return camera(type, id, CameraSettings.of(mac, 10, 60, new String[0]).withDevice(deviceId, channel));
    }

    private CameraHandler camera(String type, String id, @Nullable CameraSettings settings) {
        List<ChannelDefinition> channels = new ArrayList<>(CameraChannels.DETECTIONS);
        channels.addAll(CameraChannels.STATUS);
        Thing thing = new Thing(new ThingUID(type, id), id, Map.of(), true, channels, ThingEvents.NONE);
        CameraHandler handler = new CameraHandler(thing, settings, timers);
        registry.add(handler, "test");
        return handler;
    }

    private static AlarmEvent event(String type, Action action, String channel) {
        return new AlarmEvent(type, type, action, null, channel, "{}");
    }

    private static Alarm tvt(String mac, AlarmEvent... events) {
        return new Alarm(Vendor.IVSEC, Format.TVT_XML, null, mac, "Barn NVR", List.of(events), null);
    }

    private static String state(CameraHandler camera, String channel) {
        return camera.thing().state(channel).text();
    }

    @Test
    void eachNvrChannelReachesItsOwnCamera() {
        CameraHandler one = camera("ivsec", "barn1", NVR_MAC, "", "1");
        CameraHandler two = camera("ivsec", "barn2", NVR_MAC, "", "02");

        Delivery delivery = router.route(
                tvt(NVR_MAC, event("INTRUSION", Action.START, "2"), event("MOTION", Action.START, "1")),
                null,
                "192.0.2.60");

        assertEquals(Route.DELIVERED, delivery.route());
        assertEquals("ON", state(two, "fieldDetectionAlarm"));
        assertEquals("OFF", state(two, "motionAlarm"));
        assertEquals("ON", state(one, "motionAlarm"));
        assertEquals("OFF", state(one, "fieldDetectionAlarm"));
    }

    @Test
    void aThingWithoutChannelTakesTheWholeDevice() {
        CameraHandler whole = camera("ivsec", "barn", NVR_MAC, "", "");

        router.route(tvt(NVR_MAC, event("INTRUSION", Action.START, "7")), null, "192.0.2.60");

        assertEquals("ON", state(whole, "fieldDetectionAlarm"));
        assertEquals("7", whole.thing().property("nvrChannel"));
    }

    @Test
    void aKeepaliveReachesEveryCameraOfTheDevice() {
        CameraHandler one = camera("ivsec", "barn1", NVR_MAC, "", "1");
        CameraHandler two = camera("ivsec", "barn2", NVR_MAC, "", "2");

        router.route(tvt(NVR_MAC), null, "192.0.2.60");

        assertEquals("ONLINE", one.thing().status().status().name());
        assertEquals("ONLINE", two.thing().status().status().name());
        assertEquals("NULL", state(one, "lastEventType"));
    }

    @Test
    void anUnknownIdInThePathFromAKnownCamerasDeviceGoesToTheInboxNamingThatCamera() {
        CameraHandler known = camera("ivsec", "frontdoor", NVR_MAC, "", "");

        Delivery delivery = router.route(tvt(NVR_MAC, event("MOTION", Action.START, null)), "front_door", "192.0.2.60");

        assertEquals(Route.INBOX, delivery.route()); // the path said another id: not guessed over
        assertEquals("OFF", state(known, "motionAlarm"));
        InboxEntry entry = inbox.entries().get(0);
        assertEquals("camalarm:ivsec:front_door", entry.thingUID().toString());
        assertEquals("camalarm:ivsec:frontdoor", entry.properties().get("sameDeviceAs"));
    }

    @Test
    void anUnknownChannelOfAKnownNvrIsOfferedByTheInboxWithItsChannel() {
        camera("vigi", "carport", "", "5a7e0c11d2f3", "3");

        Delivery delivery = router.route(
                new Alarm(
                        Vendor.VIGI,
                        Format.VIGI_NVR_JSON,
                        null,
                        null,
                        "VIGI NVR1008H",
                        List.of(new AlarmEvent(
                                "VIGI type 1 sub_type 2", "MOTION", Action.PULSE, null, "5", "{}", "Porch")),
                        null,
                        "5a7e0c11d2f3"),
                null,
                "192.0.2.61");

        assertEquals(Route.INBOX, delivery.route());
        InboxEntry entry = inbox.entries().get(0);
        assertEquals("camalarm:vigi:vigi_5a7e0c11d2f3_ch5", entry.thingUID().toString());
        assertEquals("Porch", entry.label());
        assertEquals("5", entry.properties().get("nvrChannel"));
        assertEquals("5a7e0c11d2f3", entry.properties().get("deviceId"));
    }

    @Test
    void aPushThatNamesNoDeviceFindsTheCameraThatReportedTheSendersAddress() {
        CameraHandler driveway = camera("ivsec", "driveway", "58:5B:69:12:34:56", "", "");
        driveway.accept(new Alarm(
                Vendor.IVSEC, Format.TVT_XML, "192.0.2.41", "58:5B:69:12:34:56", "Driveway", List.of(), null));

        // smart-event data of IPC firmware 1.x carries no MAC
        router.route(tvt(null, event("INTRUSION", Action.ACTIVE, null)), null, "192.0.2.41");

        assertEquals("ON", state(driveway, "fieldDetectionAlarm"));
    }

    @Test
    void aThingNamedInThePathWithAChannelTakesItsChannelAndTheOthersAreRoutedByTheDevice() {
        CameraHandler one = camera("ivsec", "barn1", NVR_MAC, "", "1");
        CameraHandler two = camera("ivsec", "barn2", NVR_MAC, "", "2");

        router.route(
                tvt(null, event("MOTION", Action.START, "1"), event("INTRUSION", Action.START, "2")),
                "barn1",
                "192.0.2.60");

        assertEquals("ON", state(one, "motionAlarm"));
        assertEquals("ON", state(two, "fieldDetectionAlarm"), "found by barn1's configured MAC");
        assertEquals("OFF", state(one, "fieldDetectionAlarm"));
    }

    @Test
    void aKeepaliveOfNobodyLeavesTheInboxAlone() {
        router.route(tvt(null), null, "192.0.2.99");

        assertEquals(List.of(), inbox.entries());
    }

    @Test
    void anNvrAlarmReachesNoChannelWhileOneChannelsCameraWantsCredentials() {
        CameraHandler open = camera("ivsec", "barn1", NVR_MAC, "", "1");
        CameraHandler locked = camera(
                "ivsec",
                "barn2",
                CameraSettings.of(NVR_MAC, 10, 60, new String[0])
                        .withDevice("", "2")
                        .withCredentials("cam", "pw", true));
        Alarm alarm = tvt(NVR_MAC, event("MOTION", Action.START, "1"), event("INTRUSION", Action.START, "2"));

        Delivery refused = router.route(alarm, null, "192.0.2.60", PresentedAuth.NONE);

        assertEquals(Route.UNAUTHORIZED, refused.route());
        assertEquals(locked.thing().uid(), refused.thing());
        assertEquals(AuthResult.MISSING, refused.auth());
        assertEquals(
                "OFF", state(open, "motionAlarm"), "nothing applied: the retry with credentials must not repeat it");
        assertTrue(
                locked.thing()
                        .property("lastRefusedAlarm")
                        .endsWith(
                                " from 192.0.2.60: it sent no credentials, and this camera has a username and password (401)"),
                "its page says why: " + locked.thing().property("lastRefusedAlarm"));

        PresentedAuth basic = SenderAuthentication.on(Clock.systemUTC())
                .presented(
                        "Basic " + Base64.getEncoder().encodeToString("cam:pw".getBytes(StandardCharsets.UTF_8)),
                        "POST",
                        "/camalarm/alarm/tok",
                        true);
        Delivery delivered = router.route(alarm, null, "192.0.2.60", basic);

        assertEquals(Route.DELIVERED, delivered.route());
        assertEquals("ON", state(open, "motionAlarm"));
        assertEquals("ON", state(locked, "fieldDetectionAlarm"));
        assertNull(locked.thing().property("lastRefusedAlarm"), "the challenge was answered: nothing left to tell");
    }

    @Test
    void aCameraWhoseConfigurationIsInvalidRefusesItsAlarmsInsteadOfTheInbox() {
        CameraHandler broken = camera("ivsec", "barn", null);
        broken.thing().setProperty("macAddress", NVR_MAC); // learned before its configuration broke

        Delivery delivery = router.route(tvt(NVR_MAC, event("MOTION", Action.START, "1")), null, "192.0.2.60");

        assertEquals(Route.MISCONFIGURED, delivery.route());
        assertEquals(broken.thing().uid(), delivery.thing());
        assertTrue(inbox.entries().isEmpty());
    }
}
