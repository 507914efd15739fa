package org.camalarm.alarm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.camalarm.alarm.Alarm.Format;
import org.camalarm.alarm.Alarm.Vendor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hikvision ISAPI {@code EventNotificationAlert} (docs/devices.md, "Hikvision ISAPI"), alone and with its picture. */
class HikvisionDecoderTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Alarm post(String xml) throws MalformedAlarmException {
        return Requests.post()
                .contentType("application/xml; charset=\"UTF-8\"")
                .body(xml)
                .decodeIn(BERLIN);
    }

    private static List<String> events(Alarm push) {
        return push.events().stream()
                .map(e -> e.type() + " " + e.action() + " ch" + e.nvrChannel())
                .toList();
    }

    @Test
    void anAlertPostedAsAFormIsReadAsXml() throws Exception {
        // curl --data-binary @alert.xml declares a form: the alert must not become a generic alarm
        Alarm push = Requests.post()
                .thing("cam")
                .contentType("application/x-www-form-urlencoded")
                .body("<EventNotificationAlert version=\"2.0\"><macAddress>a4:14:37:01:02:03</macAddress>"
                        + "<eventType>VMD</eventType><eventState>active</eventState></EventNotificationAlert>")
                .decodeIn(BERLIN);

        assertEquals(Vendor.HIKVISION, push.vendor());
        assertEquals("MOTION", push.events().get(0).type());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "version=\"2.0\" xmlns=\"http://www.hikvision.com/ver20/XMLSchema\"",
                "version=\"1.0\" xmlns=\"http://www.hikvision.com/ver10/XMLSchema\"",
                "version=\"2.0\" xmlns=\"http://www.isapi.org/ver20/XMLSchema\"",
                "version=\"1.0\" xmlns=\"http://www.std-cgi.com/ver20/XMLSchema\"",
                "version=\"1.0\" xmlns=\"urn:psialliance-org\"",
                "version=\"1.0\""
            })
    void motionIsReadInEveryNamespace(String attributes) throws Exception {
        Alarm push = post("""
                <EventNotificationAlert %s>
                  <ipAddress>192.168.7.80</ipAddress>
                  <portNo>80</portNo>
                  <protocol>HTTP</protocol>
                  <macAddress>a4:14:37:01:02:03</macAddress>
                  <dynChannelID>1</dynChannelID>
                  <dateTime>2026-03-21T14:04:05+00:00</dateTime>
                  <activePostCount>1</activePostCount>
                  <eventType>VMD</eventType>
                  <eventState>active</eventState>
                  <eventDescription>Motion alarm</eventDescription>
                </EventNotificationAlert>""".formatted(attributes));

        assertEquals(Vendor.HIKVISION, push.vendor());
        assertEquals(Format.HIKVISION_XML, push.format());
        assertEquals("A4:14:37:01:02:03", push.mac());
        assertEquals("192.168.7.80", push.ip());
        assertEquals(List.of("MOTION ACTIVE ch1"), events(push));
        assertEquals(
                LocalDateTime.of(2026, 3, 21, 15, 4, 5), push.events().get(0).time(), "14:04 UTC in Berlin");
    }

    @Test
    void intrusionByAHumanIsAlsoAPersonAndEndsWithInactive() throws Exception {
        String alert = """
                <?xml version="1.0" encoding="UTF-8"?>
                <EventNotificationAlert version="2.0" xmlns="http://www.hikvision.com/ver20/XMLSchema">
                <ipAddress>192.168.7.81</ipAddress>
                <macAddress>a4:14:37:0a:0b:0c</macAddress>
                <channelID>1</channelID>
                <dateTime>2026-03-21T15:04:05+01:00</dateTime>
                <activePostCount>1</activePostCount>
                <eventType>fielddetection</eventType>
                <eventState>%s</eventState>
                <eventDescription>fielddetection alarm</eventDescription>
                <DetectionRegionList><DetectionRegionEntry><regionID>2</regionID>
                <detectionTarget>human</detectionTarget></DetectionRegionEntry></DetectionRegionList>
                <channelName>Terrace</channelName>
                </EventNotificationAlert>""";

        Alarm active = post(alert.formatted("active"));
        Alarm inactive = post(alert.formatted("inactive"));

        assertEquals(List.of("PERSON ACTIVE ch1", "INTRUSION ACTIVE ch1"), events(active));
        assertEquals("Terrace", active.events().get(1).channelName());
        assertEquals(
                "{\"eventType\":\"fielddetection\",\"eventState\":\"active\",\"activePostCount\":\"1\","
                        + "\"dateTime\":\"2026-03-21T15:04:05+01:00\",\"channelID\":\"1\",\"eventDescription\":"
                        + "\"fielddetection alarm\",\"channelName\":\"Terrace\",\"detectionTarget\":\"human\",\"regionID\":\"2\"}",
                active.events().get(1).json());
        assertEquals(List.of("PERSON STOP ch1", "INTRUSION STOP ch1"), events(inactive));
    }

    @Test
    void otherDetectionsMapOntoTheirChannels() throws Exception {
        String alert = """
                <EventNotificationAlert version="2.0" xmlns="http://www.hikvision.com/ver20/XMLSchema">
                <macAddress>a4:14:37:0a:0b:0c</macAddress><channelID>1</channelID>
                <eventType>%s</eventType><eventState>active</eventState></EventNotificationAlert>""";
        List<String> types = List.of(
                "linedetection",
                "regionEntrance",
                "regionExiting",
                "shelteralarm",
                "IO",
                "PIR",
                "attendedBaggage",
                "scenechangedetection",
                "loitering");
        List<String> canonical = List.of(
                "LINE_CROSSING",
                "REGION_ENTRANCE",
                "REGION_EXITING",
                "TAMPER",
                "ALARM_INPUT",
                "PIR",
                "OBJECT_TAKEN",
                "SCENE_CHANGE",
                "LOITERING");
        for (int i = 0; i < types.size(); i++) {
            assertEquals(
                    canonical.get(i),
                    post(alert.formatted(types.get(i))).events().get(0).type(),
                    types.get(i));
        }
    }

    @Test
    void aDurationEventExtendsItsRelatedEvent() throws Exception {
        Alarm push = post("""
                <EventNotificationAlert version="2.0" xmlns="http://www.hikvision.com/ver20/XMLSchema">
                <macAddress>a4:14:37:0a:0b:0c</macAddress><channelID>1</channelID>
                <activePostCount>37</activePostCount><eventType>duration</eventType><eventState>active</eventState>
                <DurationList><Duration><relationEvent>linedetection</relationEvent></Duration></DurationList>
                </EventNotificationAlert>""");

        assertEquals(List.of("LINE_CROSSING ACTIVE ch1"), events(push));
        assertEquals("linedetection", push.events().get(0).rawType());
    }

    @Test
    void videolossInactiveWithNoPostIsAHeartbeatAndAMalformedDateIsNoDate() throws Exception {
        Alarm heartbeat = post("""
                <EventNotificationAlert version="1.0" xmlns="http://www.std-cgi.com/ver20/XMLSchema">
                <ipAddress>192.168.7.90</ipAddress>
                <portNo>80</portNo>
                <protocol>HTTP</protocol>
                <macAddress>3c:1b:f8:aa:bb:cc</macAddress>
                <channelID>0</channelID>
                <dateTime>2026-03-21T14:04:0500:00</dateTime>
                <activePostCount>0</activePostCount>
                <eventType>videoloss</eventType>
                <eventState>inactive</eventState>
                <eventDescription>videoloss alarm</eventDescription>
                </EventNotificationAlert>""");
        Alarm emptyChannels = post("""
                <EventNotificationAlert version="2.0" xmlns="http://www.isapi.org/ver20/XMLSchema">
                <protocolType>HTTP</protocolType><macAddress>3c:1b:f8:aa:bb:cc</macAddress>
                <dynChannelID/><channelID/><activePostCount>0</activePostCount>
                <eventType>videoloss</eventType><eventState>inactive</eventState></EventNotificationAlert>""");
        Alarm lost = post("""
                <EventNotificationAlert version="1.0"><macAddress>3c:1b:f8:aa:bb:cc</macAddress><channelID>4</channelID>
                <dateTime>2026-03-21T14:04:0500:00</dateTime><activePostCount>1</activePostCount>
                <eventType>videoloss</eventType><eventState>active</eventState></EventNotificationAlert>""");

        assertEquals(List.of(), heartbeat.events());
        assertEquals("3C:1B:F8:AA:BB:CC", heartbeat.mac());
        assertEquals(List.of(), emptyChannels.events());
        assertEquals(List.of("VIDEO_LOSS ACTIVE ch4"), events(lost));
        assertNull(lost.events().get(0).time(), "the receive time applies");
    }

    @Test
    void anEventWhoseTimeLiesBeyondAnyCalendarIsKeptWithTheReceiveTime() throws Exception {
        Alarm push = post("""
                <EventNotificationAlert version="2.0" xmlns="http://www.hikvision.com/ver20/XMLSchema">
                <macAddress>3c:1b:f8:aa:bb:cc</macAddress><channelID>1</channelID>
                <dateTime>+999999999-12-31T23:59:59-18:00</dateTime><activePostCount>1</activePostCount>
                <eventType>VMD</eventType><eventState>active</eventState></EventNotificationAlert>""");

        assertEquals(List.of("MOTION ACTIVE ch1"), events(push));
        assertNull(push.events().get(0).time(), "the receive time applies");
    }

    @Test
    void anNvrWithoutMacIsKnownByItsSerialNumberAndKeepsItsChannelsApart() throws Exception {
        Alarm push = post("""
                <?xml version="1.0" encoding="UTF-8"?>
                <EventNotificationAlert version="1.0" xmlns="urn:psialliance-org">
                  <channelID>34</channelID>
                  <dynChannelID>2</dynChannelID>
                  <dateTime>2026-03-21T15:04:05+01:00</dateTime>
                  <activePostCount>12</activePostCount>
                  <eventType>fielddetection</eventType>
                  <eventState>active</eventState>
                  <Extensions>
                    <serialNumber xmlns="urn:selfextension:psiaext-ver10-xsd">DS-7608NXI-TEST0001
                    </serialNumber>
                  </Extensions>
                </EventNotificationAlert>""");

        assertNull(push.mac());
        assertEquals("DS-7608NXI-TEST0001", push.deviceId());
        assertEquals(List.of("INTRUSION ACTIVE ch2"), events(push));
    }

    @Test
    void aBareAmpersandInATextDoesNotLoseTheAlarm() throws Exception {
        Alarm push = post("""
                <EventNotificationAlert version="2.0" xmlns="http://www.hikvision.com/ver20/XMLSchema">
                <macAddress>a4:14:37:0a:0b:0c</macAddress><channelID>1</channelID><eventType>VMD</eventType>
                <eventState>active</eventState><channelName>Front & Back</channelName></EventNotificationAlert>""");

        assertEquals("Front & Back", push.events().get(0).channelName());
    }

    @Test
    void multipartWithTheDetectionPicture() throws Exception {
        byte[] body = Bytes.of(
                "--boundary\r\n",
                "Content-Disposition: form-data; name=\"linedetection\"\r\n",
                "Content-Type: application/xml\r\n",
                "Content-Length: 297\r\n\r\n",
                """
                <EventNotificationAlert version="2.0" xmlns="http://www.hikvision.com/ver20/XMLSchema">
                <macAddress>a4:14:37:0a:0b:0c</macAddress><channelID>1</channelID><activePostCount>1</activePostCount>
                <eventType>linedetection</eventType><eventState>active</eventState></EventNotificationAlert>""",
                "\r\n--boundary\r\n",
                "Content-Disposition: form-data; name=\"lineImage\"; filename=\"lineImage.jpg\"\r\n",
                "Content-Type: image/jpeg\r\n\r\n",
                Bytes.JPEG,
                "\r\n--boundary--\r\n");

        Alarm push = Requests.post()
                .contentType("multipart/form-data; boundary=boundary")
                .body(body)
                .decode();

        assertEquals(Format.HIKVISION_MULTIPART, push.format());
        assertEquals(List.of("LINE_CROSSING ACTIVE ch1"), events(push));
        assertArrayEquals(Bytes.JPEG, push.image().toArray());
    }
}
