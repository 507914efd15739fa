package org.camalarm.it;

import java.util.Base64;

/**
 * Messages written the way the devices write them (shapes learned from published captures, see
 * docs/devices.md; values are our own): TVT IPC firmware 1.x and NVR v2, TVT's legacy alarm
 * server, VIGI NVR, Hikvision ISAPI.
 */
final class DeviceMessages {

    static final String NVR_MAC = "58:5B:69:AB:CD:EF";
    static final String IPC_MAC = "58:5b:69:12:34:56";
    static final String LEGACY_MAC = "58:5b:69:3f:00:01";
    static final String VIGI_NVR_ID = "5a7e0c11d2f3";
    static final String HIK_MAC = "a4:14:37:0a:0b:0c";
    static final String HIK_NVR_SERIAL = "DS-7608NXI-TEST0001";

    private DeviceMessages() {}

    /** IPC firmware 1.x alarm status: macAddress/ipAddress, the camera's own 12-hour date. */
    static String ipcStatus(String alarm, boolean on) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <config version="1.7" xmlns="http://www.ipc.com/ver10">
                    <alarmStatusInfo>
                        <%s type="boolean" id="1">%s</%s>
                    </alarmStatusInfo>
                    <dataTime><![CDATA[03-21-2026 09:05:07 PM]]></dataTime>
                    <deviceInfo>
                        <deviceName><![CDATA[Driveway]]></deviceName>
                        <deviceNo.><![CDATA[1]]></deviceNo.>
                        <sn><![CDATA[I00000000001]]></sn>
                        <ipAddress><![CDATA[127.0.0.1]]></ipAddress>
                        <macAddress><![CDATA[%s]]></macAddress>
                    </deviceInfo>
                </config>
                """.formatted(alarm, on, alarm, IPC_MAC);
    }

    /** IPC smart-event data: PEA intrusion, a person, the overview JPEG in base64; no MAC. */
    static String ipcPerimeterData(byte[] jpeg, long epochMicros) {
        String base64 = Base64.getEncoder().encodeToString(jpeg);
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <config version="1.7" xmlns="http://www.ipc.com/ver10">
                    <smartType type="openAlramObj">PEA</smartType>
                    <subscribeRelation type="subscribeOption">FEATURE_RESULT</subscribeRelation>
                    <currentTime type="tint64">%d</currentTime>
                    <perimeter>
                        <perInfo type="list" count="1">
                            <item>
                                <eventId type="uint32">301</eventId>
                                <targetId type="uint32">12</targetId>
                                <status type="smartStatus">SMART_START</status>
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
                            <targetId type="tuint32">12</targetId>
                            <targetImageData><dataType type="uint32">0</dataType><targetType type="uint32">1</targetType></targetImageData>
                        </item>
                    </listInfo>
                </config>
                """.formatted(epochMicros, base64.length(), base64);
    }

    /** NVR v2 alarm status, one item per channel. */
    static String nvrStatus(String items, long epochMicros) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <config version="2.0.0" xmlns="http://www.ipc.com/ver10">
                    <messageType>alarmStatus</messageType>
                    <deviceInfo>
                        <deviceName><![CDATA[Barn NVR]]></deviceName>
                        <ip><![CDATA[192.168.7.60]]></ip>
                        <mac><![CDATA[%s]]></mac>
                        <channelId>1</channelId>
                    </deviceInfo>
                    <currentTime>%d</currentTime>
                    <alarmStatusInfo>
                        <perimeterAlarm>%s</perimeterAlarm>
                    </alarmStatusInfo>
                </config>
                """.formatted(NVR_MAC, epochMicros, items);
    }

    static final String NVR_KEEPALIVE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <config version="2.0.0" xmlns="http://www.ipc.com/ver10">
                <messageType>keepalive</messageType>
                <deviceInfo>
                    <deviceName><![CDATA[Barn NVR]]></deviceName>
                    <ip><![CDATA[192.168.7.60]]></ip>
                    <mac><![CDATA[%s]]></mac>
                </deviceInfo>
            </config>
            """.formatted(NVR_MAC);

    static final String IPC_KEEPALIVE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <DeviceInfo>
                <DeviceName>Driveway</DeviceName>
                <DeviceNo.>1</DeviceNo.>
                <SN><![CDATA[I00000000001]]></SN>
                <ipAddress>127.0.0.1</ipAddress>
                <macAddress>%s</macAddress>
            </DeviceInfo>
            """.formatted(IPC_MAC);

    /** The legacy alarm server's post: every type listed, the head with bare LFs and no length. */
    static final String LEGACY_ALARM = """
            POST /SendAlarmStatus HTTP/1.1
            Host: 127.0.0.1

            <?xml version="1.0" encoding="UTF-8"?>
            <config version="1.7" xmlns="http://www.ipc.com/ver10">
            <alarmStatusInfo>
            <motionAlarm type="boolean" id="1">true</motionAlarm>
            <perimeterAlarm type="boolean" id="1">false</perimeterAlarm>
            <tripwireAlarm type="boolean" id="1">false</tripwireAlarm>
            <oscAlarm type="boolean" id="1">false</oscAlarm>
            <sceneChange type="boolean" id="1">false</sceneChange>
            <clarityAbnormal type="boolean" id="1">false</clarityAbnormal>
            <colorAbnormal type="boolean" id="1">false</colorAbnormal>
            </alarmStatusInfo>
            <dataTime><![CDATA[2026-03-21 14:01:22]]></dataTime>
            <deviceInfo>
            <deviceName><![CDATA[Shed]]></deviceName>
            <deviceNo.><![CDATA[1]]></deviceNo.>
            <sn><![CDATA[I00000000002]]></sn>
            <ipAddress><![CDATA[192.168.7.64]]></ipAddress>
            <macAddress><![CDATA[%s]]></macAddress>
            </deviceInfo>
            </config>""".formatted(LEGACY_MAC);

    /** The legacy heartbeat: bare XML on the connection, no request line. */
    static final String LEGACY_HEARTBEAT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <config version="1.7" xmlns="http://www.ipc.com/ver10">
            <dataTime><![CDATA[2026-03-21 14:02:17]]></dataTime>
            <deviceInfo>
            <deviceName><![CDATA[Shed]]></deviceName>
            <macAddress><![CDATA[%s]]></macAddress>
            </deviceInfo>
            </config>""".formatted(LEGACY_MAC);

    /** A VIGI NVR push for one channel. */
    static String vigiNvr(String channel, String channelName, String subTypes, int imgId) {
        return """
                {
                "device_id": "%s",
                "device_name": "VIGI NVR1008H-8P(UN) 1.20",
                "messages": [{
                "type": 1, "sub_type": [ %s ],
                "localtime": "2026-03-21 14:04:05",
                "channel": "%s",
                "channel_name": "%s",
                "imgId": %d
                }
                ]
                }
                """.formatted(VIGI_NVR_ID, subTypes, channel, channelName, imgId);
    }

    /** A Hikvision camera's alert. */
    static String hikvision(String eventType, String state, int activePostCount, String extra) {
        return """
                <EventNotificationAlert version="2.0" xmlns="http://www.hikvision.com/ver20/XMLSchema">
                <ipAddress>192.168.7.81</ipAddress>
                <portNo>80</portNo>
                <protocol>HTTP</protocol>
                <macAddress>%s</macAddress>
                <channelID>1</channelID>
                <dateTime>2026-03-21T15:04:05+01:00</dateTime>
                <activePostCount>%d</activePostCount>
                <eventType>%s</eventType>
                <eventState>%s</eventState>
                <eventDescription>%s alarm</eventDescription>%s
                </EventNotificationAlert>""".formatted(HIK_MAC, activePostCount, eventType, state, eventType, extra);
    }

    /** An OEM NVR's heartbeat: videoloss, inactive, no post, a malformed date. */
    static final String HIK_HEARTBEAT = """
            <EventNotificationAlert version="1.0" xmlns="http://www.std-cgi.com/ver20/XMLSchema">
            <ipAddress>192.168.7.81</ipAddress>
            <portNo>80</portNo>
            <protocol>HTTP</protocol>
            <macAddress>%s</macAddress>
            <channelID>0</channelID>
            <dateTime>2026-03-21T14:47:1500:00</dateTime>
            <activePostCount>0</activePostCount>
            <eventType>videoloss</eventType>
            <eventState>inactive</eventState>
            <eventDescription>videoloss alarm</eventDescription>
            </EventNotificationAlert>""".formatted(HIK_MAC);

    /** A PSIA NVR alert: no MAC, the serial number, channels 34 and 2. */
    static final String HIK_PSIA_NVR = """
            <?xml version="1.0" encoding="UTF-8"?>
            <EventNotificationAlert version="1.0" xmlns="urn:psialliance-org">
              <channelID>34</channelID>
              <dynChannelID>2</dynChannelID>
              <dateTime>2026-03-21T15:04:05+01:00</dateTime>
              <activePostCount>1</activePostCount>
              <eventType>linedetection</eventType>
              <eventState>active</eventState>
              <Extensions>
                <serialNumber xmlns="urn:selfextension:psiaext-ver10-xsd">%s</serialNumber>
              </Extensions>
            </EventNotificationAlert>""".formatted(HIK_NVR_SERIAL);
}
