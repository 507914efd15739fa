package org.camalarm.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camalarm.alarm.Alarm;
import org.camalarm.alarm.Alarm.Format;
import org.camalarm.alarm.Alarm.Vendor;
import org.camalarm.alarm.AlarmEvent;
import org.camalarm.alarm.AlarmEvent.Action;
import org.camalarm.thing.Thing;
import org.camalarm.thing.ThingEvents;
import org.camalarm.thing.ThingUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** The inbox lets go of a camera once a thing takes its alarms: by id, MAC, or device id and NVR channel. */
class InboxTest {

    private static final String NVR = "a1b2c3d4e5f6a7b8";
    private final ConfigurationAdmin configurationAdmin = mock(ConfigurationAdmin.class);
    private final Inbox inbox = new Inbox(configurationAdmin);

    /** What a VIGI NVR's channel sends: its device id and the channel, no MAC. */
    private void nvrChannel(String channel) {
        AlarmEvent motion = new AlarmEvent("MOTION", "MOTION", Action.PULSE, null, channel, "{}");
        Alarm alarm = new Alarm(Vendor.VIGI, Format.VIGI_NVR_JSON, null, null, "Yard NVR", List.of(motion), null, NVR);
        inbox.add(alarm, null, "192.0.2.7", null);
    }

    private void added(String id, Map<String, Object> configuration) {
        inbox.thingAdded(new Thing(new ThingUID("vigi", id), id, configuration, true, List.of(), ThingEvents.NONE));
    }

    private List<String> channelsLeft() {
        return inbox.entries().stream()
                .map(entry -> entry.properties().get("nvrChannel"))
                .sorted()
                .toList();
    }

    @Test
    void aThingForOneNvrChannelTakesOnlyThatChannelsEntry() {
        nvrChannel("1");
        nvrChannel("2");

        added("yard", Map.of("deviceId", NVR, "channel", "02"));

        assertEquals(List.of("1"), channelsLeft());
    }

    @Test
    void aThingForTheWholeNvrTakesEveryChannelsEntry() {
        nvrChannel("1");
        nvrChannel("2");

        added("yard", Map.of("deviceId", NVR));

        assertEquals(List.of(), channelsLeft());
    }

    @Test
    void aThingOfAnotherDeviceTakesNothing() {
        nvrChannel("1");

        added("other", Map.of("deviceId", "ffff0000", "channel", "1"));
        added("byMac", Map.of("mac", "58:5B:69:AB:CD:EF", "channel", "1"));

        assertEquals(List.of("1"), channelsLeft());
    }

    /** A single VIGI camera's push to the bare token path: found by its MAC. */
    private ThingUID byMac() {
        AlarmEvent motion = new AlarmEvent("MOTION", "MOTION", Action.PULSE, null, null, "{}");
        return inbox.add(
                new Alarm(Vendor.VIGI, Format.VIGI_JSON, null, "98:BA:5F:8B:10:03", null, List.of(motion), null, null),
                null,
                "192.0.2.3",
                null);
    }

    @Test
    void aCameraFoundByItsMacIsApprovedUnderTheIdTheUserChose() throws Exception {
        Configuration made = mock(Configuration.class);
        when(configurationAdmin.getFactoryConfiguration("camalarm.vigi", "porch.ui", "?"))
                .thenReturn(made);
        ThingUID entry = byMac();
        assertTrue(inbox.entry(entry).orElseThrow().renamable());

        assertEquals(Optional.of(new ThingUID("vigi", "porch")), inbox.approve(entry, "Porch", "porch"));

        ArgumentCaptor<Dictionary<String, Object>> properties = dictionaryCaptor();
        verify(made).update(properties.capture());
        assertEquals("porch", properties.getValue().get("thingId"));
        assertEquals("98:BA:5F:8B:10:03", properties.getValue().get("mac"), "the MAC finds the camera");
        assertTrue(inbox.entries().isEmpty());
    }

    @Test
    void aCameraNamedByItsAlarmPathKeepsThatId() {
        AlarmEvent motion = new AlarmEvent("MOTION", "MOTION", Action.PULSE, null, null, "{}");
        ThingUID entry = inbox.add(
                new Alarm(Vendor.VIGI, Format.VIGI_JSON, null, "98:BA:5F:8B:10:03", null, List.of(motion), null, null),
                "loft",
                "192.0.2.3",
                null);
        assertFalse(inbox.entry(entry).orElseThrow().renamable(), "only a thing loft takes its alarms");

        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> inbox.approve(entry, null, "attic"));
        assertTrue(refused.getMessage().startsWith("thingId: this camera names itself loft"), refused.getMessage());
        assertTrue(inbox.entry(entry).isPresent());
    }

    @Test
    void anIdWhoseConfigurationWasJustMadeIsNeverOverwritten() throws Exception {
        Configuration taken = mock(Configuration.class);
        when(taken.getProperties()).thenReturn(new Hashtable<>(Map.of("thingId", "shed")));
        when(configurationAdmin.getFactoryConfiguration("camalarm.vigi", "shed.ui", "?"))
                .thenReturn(taken);
        ThingUID entry = byMac();

        assertThrows(IllegalStateException.class, () -> inbox.approve(entry, null, "shed"));
        verify(taken, never()).update(any());
        assertTrue(inbox.entry(entry).isPresent(), "the camera stays in the inbox");
    }

    @SuppressWarnings("unchecked")
    private static ArgumentCaptor<Dictionary<String, Object>> dictionaryCaptor() {
        return ArgumentCaptor.forClass(Dictionary.class);
    }

    @Test
    void anIdTooLongForAThingIsNotTakenFromThePath() {
        AlarmEvent motion = new AlarmEvent("MOTION", "MOTION", Action.PULSE, null, "1".repeat(40), "{}");
        Alarm alarm = new Alarm(
                Vendor.HIKVISION, Format.VIGI_NVR_JSON, null, null, "Yard", List.of(motion), null, "d".repeat(90));

        String id = Inbox.suggestedId(alarm, "x".repeat(5000), "192.0.2.7");

        assertEquals("hikvision_" + "d".repeat(40) + "_ch" + "1".repeat(8), id);
        assertEquals(id, new ThingUID("hikvision", id).thingId(), "a valid thing id, within 64 characters");
    }

    @Test
    void aTvtCamerasSmartDataWithoutMacLeavesTheInboxWithTheCameraApprovedByItsMac() throws Exception {
        when(configurationAdmin.getFactoryConfiguration(anyString(), anyString(), anyString()))
                .thenReturn(mock(Configuration.class));
        AlarmEvent motion = new AlarmEvent("motionAlarm", "MOTION", Action.START, null, null, "{}");
        AlarmEvent quiet = new AlarmEvent("perimeterAlarm", "INTRUSION", Action.STOP, null, null, "{}");
        inbox.add(
                new Alarm(
                        Vendor.IVSEC,
                        Format.TVT_XML,
                        "192.0.2.57",
                        "58:5B:69:5A:84:CC",
                        "cam2",
                        List.of(motion, quiet),
                        null,
                        null),
                null,
                "192.0.2.57",
                null);
        AlarmEvent smart = new AlarmEvent("PEA", "INTRUSION", Action.ACTIVE, null, null, "{}");
        inbox.add(
                new Alarm(Vendor.IVSEC, Format.TVT_XML, null, null, null, List.of(smart), null, null),
                null,
                "192.0.2.57",
                null);
        AlarmEvent other = new AlarmEvent("MOTION", "MOTION", Action.PULSE, null, null, "{}");
        inbox.add(
                new Alarm(Vendor.IVSEC, Format.TVT_XML, null, null, null, List.of(other), null, null),
                null,
                "192.0.2.99",
                null);
        assertEquals(3, inbox.entries().size());
        assertEquals(
                "MOTION",
                inbox.entry(new ThingUID("ivsec", "ivsec_585b695a84cc"))
                        .orElseThrow()
                        .lastEventType(),
                "the type the camera saw, not the last of those it reported false");

        inbox.approve(new ThingUID("ivsec", "ivsec_585b695a84cc"), "Gate", null); // its thing comes later

        assertEquals(
                List.of("192.0.2.99"),
                inbox.entries().stream()
                        .map(e -> e.properties().get("remoteAddress"))
                        .toList(),
                "another sender's entry stays");
    }
}
