package org.camalarm.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;
import java.util.List;
import org.camalarm.alarm.Alarm.Vendor;
import org.camalarm.alarm.AlarmEvent.Action;
import org.junit.jupiter.api.Test;

/** TVT "HTTP POST" alarm service XML (docs/protocols.md §1.2). */
class TvtXmlDecoderTest {

    /** The docs/protocols.md fragment, completed with a second alarm and the closing tags. */
    private static final String STATUS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <config version="1.7" xmlns="http://www.ipc.com/ver10">
            <alarmStatusInfo>
            <perimeterAlarm type="boolean" id="1">true</perimeterAlarm>
            <motionAlarm type="boolean" id="1">false</motionAlarm>
            <alarmCount type="uint32">3</alarmCount>
            </alarmStatusInfo>
            </config>
            """;

    @Test
    void booleanAlarmsBecomeStartAndStop() throws Exception {
        Alarm push = Requests.post().contentType("application/xml").body(STATUS).decode();

        assertEquals(Vendor.IVSEC, push.vendor());
        assertNull(push.mac());
        assertEquals(
                List.of(
                        new AlarmEvent(
                                "perimeterAlarm",
                                "INTRUSION",
                                Action.START,
                                null,
                                null,
                                "{\"alarm\":\"perimeterAlarm\",\"value\":\"true\",\"id\":\"1\",\"type\":\"boolean\"}"),
                        new AlarmEvent(
                                "motionAlarm",
                                "MOTION",
                                Action.STOP,
                                null,
                                null,
                                "{\"alarm\":\"motionAlarm\",\"value\":\"false\",\"id\":\"1\",\"type\":\"boolean\"}")),
                push.events());
    }

    @Test
    void xmlIsRecognisedByContentAndDeviceInfoIsRead() throws Exception {
        Alarm push = Requests.post().contentType("text/plain").body("""
                <?xml version="1.0" encoding="UTF-8"?>
                <config version="2.0.0" xmlns="http://www.ipc.com/ver10">
                <deviceInfo><deviceName><![CDATA[Gate]]></deviceName><ip>192.168.1.50</ip>\
                <mac><![CDATA[58:5b:69:00:11:22]]></mac><channelId>4</channelId></deviceInfo>
                <currentTime>2024-01-02 03:04:05</currentTime>
                <alarmStatusInfo><sensorAlarm id="1">TRUE</sensorAlarm></alarmStatusInfo>
                </config>""").decode();

        assertEquals("Gate", push.deviceName());
        assertEquals("192.168.1.50", push.ip());
        assertEquals("58:5B:69:00:11:22", push.mac());
        AlarmEvent event = push.events().get(0);
        assertEquals(
                List.of("sensorAlarm", "ALARM_INPUT", Action.START, LocalDateTime.of(2024, 1, 2, 3, 4, 5), "4"),
                List.of(event.rawType(), event.type(), event.action(), event.time(), event.nvrChannel()));
    }

    @Test
    void keepaliveGivesNoEvents() throws Exception {
        Alarm push = Requests.post().contentType("text/xml").body("""
                <?xml version="1.0" encoding="UTF-8"?><config version="1.7" xmlns="http://www.ipc.com/ver10"><keepAlive/></config>""").decode();

        assertEquals(Vendor.IVSEC, push.vendor());
        assertEquals(List.of(), push.events());
    }

    @Test
    void smartTypeBecomesAPulse() throws Exception {
        Alarm push = Requests.post().contentType("application/xml").body("""
                <config version="1.0" xmlns="http://www.ipc.com/ver10"><smartType>AOIENTRY</smartType></config>""").decode();

        assertEquals(
                List.of(new AlarmEvent(
                        "AOIENTRY", "REGION_ENTRANCE", Action.PULSE, null, null, "{\"smartType\":\"AOIENTRY\"}")),
                push.events());
    }

    @Test
    void doctypeIsRefusedSoNoExternalEntityIsRead() {
        MalformedAlarmException e = assertThrows(
                MalformedAlarmException.class,
                () -> Requests.post().contentType("application/xml").body("""
                        <?xml version="1.0"?>
                        <!DOCTYPE config [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                        <config><alarmStatusInfo><motionAlarm>&x;</motionAlarm></alarmStatusInfo></config>""").decode());

        assertEquals("invalid_xml", e.error());
        assertEquals("body is not well-formed XML (or has a DOCTYPE) at line 2 column 10", e.getMessage());
    }

    @Test
    void declaredXmlThatIsBrokenIsMalformed() {
        MalformedAlarmException e = assertThrows(
                MalformedAlarmException.class,
                () -> Requests.post()
                        .contentType("application/xml")
                        .body("<config><alarmStatusInfo>")
                        .decode());

        assertEquals("invalid_xml", e.error());
    }

    @Test
    void xmlOfAnotherKindCountsAsNoBody() throws Exception {
        Alarm push = Requests.post()
                .thing("gate")
                .contentType("application/xml")
                .body("<html/>")
                .decode();

        assertEquals("ALARM", push.events().get(0).type());
    }

    @Test
    void aDeeplyNestedDocumentIsRefusedNotAStackOverflow() {
        StringBuilder xml = new StringBuilder("<config><alarmStatusInfo><x>");
        xml.append("<a>".repeat(400_000)).append("true").append("</a>".repeat(400_000));
        xml.append("</x></alarmStatusInfo></config>");

        MalformedAlarmException e = assertThrows(
                MalformedAlarmException.class,
                () -> Requests.post()
                        .contentType("application/xml")
                        .body(xml.toString())
                        .decode());
        assertEquals("invalid_xml", e.error());
    }
}
