package org.camalarm.alarm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.camalarm.alarm.Alarm.Format;
import org.camalarm.alarm.Alarm.Vendor;
import org.camalarm.alarm.AlarmEvent.Action;
import org.junit.jupiter.api.Test;

/** What TVT-made cameras and NVRs post (docs/protocols.md §1.2, docs/devices.md), as they write it. */
class TvtXmlDecoderTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** A status with a second alarm and a count, flat as IPCs send it. */
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
        assertEquals(Format.TVT_XML, push.format());
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
    void ipcFirmware1StatusHasMacAddressAndTheCamerasOwnTwelveHourDate() throws Exception {
        Alarm push = Requests.post()
                .contentType("application/xml; charset=utf-8")
                .body("""
                <?xml version="1.0" encoding="UTF-8"?>
                <config version="1.7" xmlns="http://www.ipc.com/ver10">
                    <alarmStatusInfo>
                        <vehiceAlarm type="boolean" id="1">true</vehiceAlarm>
                    </alarmStatusInfo>
                    <dataTime><![CDATA[03-21-2026 09:05:07 PM]]></dataTime>
                    <deviceInfo>
                        <deviceName><![CDATA[Driveway]]></deviceName>
                        <deviceNo.><![CDATA[1]]></deviceNo.>
                        <sn><![CDATA[I00000000001]]></sn>
                        <ipAddress><![CDATA[192.168.7.41]]></ipAddress>
                        <macAddress><![CDATA[58:5b:69:12:34:56]]></macAddress>
                    </deviceInfo>
                </config>
                """)
                .decode();

        assertEquals("58:5B:69:12:34:56", push.mac());
        assertEquals("192.168.7.41", push.ip());
        assertEquals("Driveway", push.deviceName());
        AlarmEvent event = push.events().get(0);
        assertEquals(
                List.of("vehiceAlarm", "VEHICLE", Action.START, LocalDateTime.of(2026, 3, 21, 21, 5, 7)),
                List.of(event.rawType(), event.type(), event.action(), event.time()));
        assertNull(event.nvrChannel(), "id=\"1\" on a camera is no NVR channel");
    }

    @Test
    void nvrStatusNestsOneItemPerChannelAndGivesMicrosecondsSinceTheEpoch() throws Exception {
        Alarm push = Requests.post()
                .contentType("application/soap+xml; charset=utf-8")
                .body("""
                <?xml version="1.0" encoding="UTF-8"?>
                <config version="2.0.0" xmlns="http://www.ipc.com/ver10">
                    <messageType>alarmStatus</messageType>
                    <deviceInfo>
                        <deviceName><![CDATA[Barn NVR]]></deviceName>
                        <ip><![CDATA[192.168.7.60]]></ip>
                        <mac><![CDATA[58:5B:69:AB:CD:EF]]></mac>
                        <channelId>2</channelId>
                    </deviceInfo>
                    <currentTime>1774101845250000</currentTime>
                    <alarmStatusInfo>
                        <perimeterAlarm><item id="2">true</item><item id="5">false</item></perimeterAlarm>
                        <sensorAlarmIn type="list" count="2"><itemType type="boolean"/><item id="1">true</item></sensorAlarmIn>
                    </alarmStatusInfo>
                </config>
                """)
                .decodeIn(BERLIN);

        assertEquals("58:5B:69:AB:CD:EF", push.mac());
        assertEquals("Barn NVR", push.deviceName());
        LocalDateTime time = LocalDateTime.of(2026, 3, 21, 15, 4, 5, 250_000_000); // 14:04:05.25 UTC
        assertEquals(
                List.of(
                        List.of("INTRUSION", Action.START, "2", time),
                        List.of("INTRUSION", Action.STOP, "5", time),
                        List.of("ALARM_INPUT", Action.START, "1", time)),
                push.events().stream()
                        .map(e -> List.of(e.type(), e.action(), e.nvrChannel(), e.time()))
                        .toList());
        assertEquals(
                "{\"alarm\":\"perimeterAlarm\",\"value\":\"true\",\"channel\":\"2\",\"id\":\"2\"}",
                push.events().get(0).json());
    }

    @Test
    void deviceInfoIsReadWhateverTheNamesCase() throws Exception {
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
    void ipcSmartEventDataCarriesItsPicturesInBase64() throws Exception {
        byte[] overview = Bytes.JPEG;
        byte[] crop = Bytes.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, "crop");
        String base64 = Base64.getMimeEncoder().encodeToString(overview); // with line breaks, as MIME writes it
        Alarm push = Requests.post()
                .contentType("application/xml")
                .body("""
                <?xml version="1.0" encoding="UTF-8"?>
                <config version="1.7" xmlns="http://www.ipc.com/ver10">
                    <smartType type="openAlramObj">PEA</smartType>
                    <subscribeRelation type="subscribeOption">FEATURE_RESULT</subscribeRelation>
                    <currentTime type="tint64">1774101845000000</currentTime>
                    <types>
                        <openAlramObj type="string">VEHICE,VFD_MATCH,PEA,VFD,AOIENTRY</openAlramObj>
                        <targetType type="string">1,2,4</targetType>
                    </types>
                    <perimeter>
                        <perInfo type="list" count="1">
                            <item>
                                <eventId type="uint32">41</eventId>
                                <targetId type="uint32">7</targetId>
                                <status type="smartStatus">SMART_START</status>
                                <rect><x1 type="uint32">100</x1><y1 type="uint32">200</y1></rect>
                            </item>
                        </perInfo>
                    </perimeter>
                    <sourceDataInfo>
                        <dataType type="uint32">0</dataType>
                        <sourceBase64Length type="uint32">%d</sourceBase64Length>
                        <sourceBase64Data type="string"><![CDATA[%s]]></sourceBase64Data>
                    </sourceDataInfo>
                    <listInfo type="list" count="1">
                        <item>
                            <targetId type="tuint32">7</targetId>
                            <targetImageData>
                                <dataType type="uint32">0</dataType>
                                <targetType type="uint32">1</targetType>
                                <targetBase64Data type="string"><![CDATA[%s]]></targetBase64Data>
                            </targetImageData>
                        </item>
                    </listInfo>
                </config>
                """.formatted(base64.length(), base64, Base64.getEncoder().encodeToString(crop)))
                .decodeIn(ZoneOffset.UTC);

        assertNull(push.mac(), "this post names no device: the URL or the sender's address must");
        assertArrayEquals(overview, push.image().toArray(), "the overview, byte for byte, not the crop");
        LocalDateTime time = LocalDateTime.of(2026, 3, 21, 14, 4, 5);
        assertEquals(
                List.of(List.of("1", "PERSON", Action.ACTIVE, time), List.of("PEA", "INTRUSION", Action.ACTIVE, time)),
                push.events().stream()
                        .map(e -> List.of(e.rawType(), e.type(), e.action(), e.time()))
                        .toList());
        assertEquals(
                "{\"smartType\":\"PEA\",\"subscribeRelation\":\"FEATURE_RESULT\",\"items\":[{\"eventId\":\"41\","
                        + "\"targetId\":\"7\",\"status\":\"SMART_START\"}],\"targetTypes\":[\"1\"]}",
                push.events().get(1).json());
    }

    /** The cutter finds pictures by their plain tag; one written with a namespace prefix is read from the DOM. */
    @Test
    void aPictureThePictureCutterDoesNotRecogniseIsStillTheSnapshot() throws Exception {
        Alarm push = Requests.post()
                .contentType("application/xml")
                .body("""
                <config version="1.7" xmlns="http://www.ipc.com/ver10" xmlns:ipc="http://www.ipc.com/ver10">
                    <smartType>PEA</smartType>
                    <perimeter><perInfo><item><status>SMART_START</status></item></perInfo></perimeter>
                    <sourceDataInfo><ipc:sourceBase64Data>%s</ipc:sourceBase64Data></sourceDataInfo>
                </config>
                """.formatted(Base64.getEncoder().encodeToString(Bytes.JPEG)))
                .decodeIn(ZoneOffset.UTC);

        assertArrayEquals(Bytes.JPEG, push.image().toArray());
    }

    @Test
    void aTripwireBlockMakesPeaALineCrossingAndSmartStopEndsIt() throws Exception {
        Alarm push = Requests.post().contentType("application/xml").body("""
                <config version="1.7" xmlns="http://www.ipc.com/ver10">
                <smartType type="openAlramObj">PEA</smartType>
                <tripwire><tripInfo type="list" count="1"><item>
                <eventId type="uint32">9</eventId><status type="smartStatus">SMART_STOP</status>
                </item></tripInfo></tripwire>
                </config>""").decode();

        assertEquals(
                List.of(List.of("LINE_CROSSING", Action.STOP)),
                push.events().stream().map(e -> List.of(e.type(), e.action())).toList());
        assertNull(push.image());
    }

    @Test
    void nvrAlarmDataSpellsItsTypesAndTargetsOut() throws Exception {
        Alarm push =
                Requests.post().contentType("application/soap+xml").body("""
                <?xml version="1.0" encoding="UTF-8"?>
                <config version="2.0.0" xmlns="http://www.ipc.com/ver10">
                    <messageType>alarmData</messageType>
                    <deviceInfo>
                        <deviceName><![CDATA[Barn NVR]]></deviceName>
                        <mac><![CDATA[58:5B:69:AB:CD:EF]]></mac>
                        <channelId>3</channelId>
                    </deviceInfo>
                    <smartType>lineCrossing</smartType>
                    <currentTime>18445822972087551616</currentTime>
                    <eventInfo><item><eventId>12</eventId><targetId>5</targetId><boundary>tripwire</boundary></item></eventInfo>
                    <sourceDataInfo><sourceBase64Data>BASE64_PLACEHOLDER</sourceBase64Data></sourceDataInfo>
                    <targetListInfo>
                        <item><targetId>5</targetId><targetType>car</targetType></item>
                        <item><targetId>6</targetId><targetType>motor</targetType></item>
                        <item><targetId>8</targetId><targetType>dog</targetType></item>
                    </targetListInfo>
                </config>
                """).decode();

        assertEquals(
                List.of(List.of("car", "VEHICLE", "3"), List.of("lineCrossing", "LINE_CROSSING", "3")),
                push.events().stream()
                        .map(e -> List.of(e.rawType(), e.type(), e.nvrChannel()))
                        .toList());
        assertNull(push.events().get(0).time(), "a 20-digit time stamp is a firmware bug: the receive time applies");
        assertNull(push.image(), "a placeholder is no JPEG");
    }

    @Test
    void everyKeepaliveShapeGivesNoEvents() throws Exception {
        String[] keepalives = {"""
            <?xml version="1.0" encoding="UTF-8"?>
            <config version="2.0.0" xmlns="http://www.ipc.com/ver10">
                <messageType>keepalive</messageType>
                <deviceInfo><deviceName><![CDATA[Barn NVR]]></deviceName><mac><![CDATA[58:5B:69:AB:CD:EF]]></mac></deviceInfo>
            </config>
            """, """
            <?xml version="1.0" encoding="UTF-8"?>
            <DeviceInfo>
                <DeviceName>Driveway</DeviceName>
                <DeviceNo.>1</DeviceNo.>
                <SN><![CDATA[I00000000001]]></SN>
                <ipAddress>192.168.7.41</ipAddress>
                <macAddress>58:5b:69:ab:cd:ef</macAddress>
            </DeviceInfo>
            """, """
            <?xml version="1.0" encoding="UTF-8"?>
            <config version="1.7" xmlns="http://www.ipc.com/ver10">
            <dataTime><![CDATA[2026-03-21 14:04:05]]></dataTime>
            <deviceInfo><deviceName><![CDATA[Driveway]]></deviceName><macAddress><![CDATA[58:5b:69:ab:cd:ef]]></macAddress></deviceInfo>
            </config>
            """, """
            <config version="1.7" xmlns="http://www.ipc.com/ver10"><subscribeOption>FEATURE_RESULT</subscribeOption>
            <mac><![CDATA[58:5b:69:ab:cd:ef]]></mac><traject type="list" count="1"><item><targetId>4</targetId>
            <targetType type="targetType">person</targetType></item></traject></config>
            """};
        for (String keepalive : keepalives) {
            Alarm push = Requests.post()
                    .contentType("application/xml")
                    .body(keepalive)
                    .decode();

            assertEquals(Format.TVT_XML, push.format(), keepalive);
            assertEquals(List.of(), push.events(), keepalive);
            assertEquals("58:5B:69:AB:CD:EF", push.mac(), keepalive);
        }
    }

    @Test
    void anEmptyXmlPostIsAKeepalive() throws Exception {
        Alarm push =
                Requests.post().thing("gate").contentType("application/xml").decode();

        assertEquals(Format.TVT_XML, push.format());
        assertEquals(List.of(), push.events());
    }

    @Test
    void theLegacyServerListsEveryTypeMostOfThemFalse() throws Exception {
        Alarm push = Requests.post().body("""
                <?xml version="1.0" encoding="UTF-8"?>
                <config version="1.7" xmlns="http://www.ipc.com/ver10">
                <alarmStatusInfo>
                <motionAlarm type="boolean" id="1">false</motionAlarm>
                <perimeterAlarm type="boolean" id="1">false</perimeterAlarm>
                <tripwireAlarm type="boolean" id="1">true</tripwireAlarm>
                <oscAlarm type="boolean" id="1">false</oscAlarm>
                <sceneChange type="boolean" id="1">false</sceneChange>
                <clarityAbnormal type="boolean" id="1">false</clarityAbnormal>
                <colorAbnormal type="boolean" id="1">false</colorAbnormal>
                </alarmStatusInfo>
                <dataTime><![CDATA[2026-03-21 14:04:05]]></dataTime>
                <deviceInfo><macAddress><![CDATA[58:5b:69:ab:cd:ef]]></macAddress></deviceInfo>
                </config>""").decode();

        assertEquals(
                List.of(
                        "MOTION STOP",
                        "INTRUSION STOP",
                        "LINE_CROSSING START",
                        "OBJECT_LEFT STOP",
                        "SCENE_CHANGE STOP",
                        "TOO_BLURRY STOP",
                        "COLOR_ABNORMAL STOP"),
                push.events().stream().map(e -> e.type() + " " + e.action()).toList());
    }

    @Test
    void aStatusWithAnAbsurdElementKeepsTheGoodOnes() throws Exception {
        Alarm push = Requests.post()
                .contentType("application/xml")
                .body("""
                <config><alarmStatusInfo><%s>true</%s><motionAlarm>true</motionAlarm></alarmStatusInfo></config>""".formatted("x".repeat(65), "x".repeat(65)))
                .decode();

        assertEquals(
                List.of("MOTION"), push.events().stream().map(AlarmEvent::type).toList());
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

    @Test
    void aPictureThatIsNotBase64IsLeftOutNotTheEvent() throws Exception {
        Alarm push = Requests.post().contentType("application/xml").body("""
                <config><smartType>VFD</smartType><sourceDataInfo><sourceBase64Data>%%%%not base64!!</sourceBase64Data>\
                </sourceDataInfo></config>""").decode();

        assertNull(push.image());
        assertTrue(push.events().stream().anyMatch(e -> e.type().equals("FACE")));
    }
}
