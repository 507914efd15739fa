package org.camalarm.camera;

import java.util.List;
import java.util.Map;
import org.camalarm.alarm.EventTypes;
import org.camalarm.thing.ChannelDefinition;

/**
 * The channels of camera things, and which detection channels each canonical event type
 * evidences (README, "Event types and channels"). Names follow openHAB's ipcamera binding.
 */
public final class CameraChannels {

    public static final String MOTION = "motionAlarm";
    public static final String HUMAN = "humanAlarm";
    public static final String CAR = "carAlarm";
    public static final String PERSON_OR_VEHICLE = "personOrVehicleAlarm";
    public static final String FACE = "faceDetected";
    public static final String LINE_CROSSING = "lineCrossingAlarm";
    public static final String FIELD_DETECTION = "fieldDetectionAlarm";
    public static final String REGION_ENTRANCE = "regionEntranceAlarm";
    public static final String REGION_EXITING = "regionExitingAlarm";
    public static final String ITEM_LEFT = "itemLeft";
    public static final String TAMPER = "tamperAlarm";
    public static final String AUDIO = "audioAlarm";
    public static final String EXTERNAL_INPUT = "externalAlarmInput";
    public static final String PIR = "pirAlarm";

    public static final String LAST_EVENT_TYPE = "lastEventType";
    public static final String LAST_EVENT_TIME = "lastEventTime";
    public static final String LAST_EVENT_DATA = "lastEventData";
    public static final String IMAGE = "image";
    public static final String IMAGE_TIME = "imageTime";
    public static final String IMAGE_URL = "imageUrl";
    public static final String LAST_SEEN = "lastSeen";
    public static final String EVENT = "event";

    /** Detection channels every camera has from the start (others appear when first seen). */
    static final List<ChannelDefinition> DETECTIONS = List.of(
            detection(MOTION, "Motion"),
            detection(HUMAN, "Person"),
            detection(CAR, "Vehicle"),
            detection(PERSON_OR_VEHICLE, "Person or vehicle"),
            detection(FACE, "Face"),
            detection(LINE_CROSSING, "Line crossing"),
            detection(FIELD_DETECTION, "Intrusion"),
            detection(REGION_ENTRANCE, "Region entrance"),
            detection(REGION_EXITING, "Region exiting"),
            detection(ITEM_LEFT, "Item left"),
            detection(TAMPER, "Tampering"),
            detection(AUDIO, "Sound"),
            detection(EXTERNAL_INPUT, "Alarm input"),
            detection(PIR, "PIR"));

    static final List<ChannelDefinition> STATUS = List.of(
            ChannelDefinition.state(LAST_EVENT_TYPE, "String", "Last event type"),
            ChannelDefinition.state(LAST_EVENT_TIME, "DateTime", "Last event time"),
            ChannelDefinition.state(LAST_EVENT_DATA, "String", "Last event data"),
            ChannelDefinition.state(IMAGE, "Image", "Snapshot"),
            ChannelDefinition.state(IMAGE_TIME, "DateTime", "Snapshot time"),
            ChannelDefinition.state(IMAGE_URL, "String", "Snapshot URL"),
            ChannelDefinition.state(LAST_SEEN, "DateTime", "Last seen"),
            ChannelDefinition.trigger(EVENT, "Detection event"));

    /**
     * Canonical type → the detection channels it evidences. A type evidences only what it proves:
     * PERSON_OR_VEHICLE (iVSEC PD_VD) is neither a person nor a vehicle alone.
     */
    private static final Map<String, List<String>> EVIDENCE = Map.ofEntries(
            Map.entry(EventTypes.MOTION, List.of(MOTION)),
            Map.entry(EventTypes.PERSON, List.of(HUMAN)),
            Map.entry(EventTypes.VEHICLE, List.of(CAR)),
            Map.entry(EventTypes.PERSON_OR_VEHICLE, List.of(PERSON_OR_VEHICLE)),
            Map.entry(EventTypes.FACE, List.of(FACE)),
            Map.entry(EventTypes.FACE_ATTRIBUTE, List.of(FACE)),
            Map.entry(EventTypes.FACE_RECOGNITION, List.of(FACE)),
            Map.entry(EventTypes.LINE_CROSSING, List.of(LINE_CROSSING)),
            Map.entry(EventTypes.INTRUSION, List.of(FIELD_DETECTION)),
            Map.entry(EventTypes.REGION_ENTRANCE, List.of(REGION_ENTRANCE)),
            Map.entry(EventTypes.REGION_EXITING, List.of(REGION_EXITING)),
            Map.entry(EventTypes.OBJECT_LEFT, List.of(ITEM_LEFT)),
            Map.entry(EventTypes.OBJECT_TAKEN, List.of("itemTaken")),
            Map.entry(EventTypes.TAMPER, List.of(TAMPER)),
            Map.entry(EventTypes.AUDIO, List.of(AUDIO)),
            Map.entry(EventTypes.ABNORMAL_SOUND, List.of(AUDIO)),
            Map.entry(EventTypes.ALARM_INPUT, List.of(EXTERNAL_INPUT)),
            Map.entry(EventTypes.PIR, List.of(PIR)),
            Map.entry(EventTypes.LICENSE_PLATE, List.of(CAR, "licensePlateAlarm")),
            Map.entry(EventTypes.CROSS_COUNTING, List.of("crossCountingAlarm")),
            Map.entry(EventTypes.CROWD_DENSITY, List.of("crowdDensityAlarm")),
            Map.entry(EventTypes.QUEUE_LENGTH, List.of("queueLengthAlarm")),
            Map.entry(EventTypes.FIRE, List.of("fireAlarm")),
            Map.entry(EventTypes.TEMPERATURE, List.of("temperatureAlarm")),
            Map.entry(EventTypes.ALARM, List.of("genericAlarm")));

    /** Labels of the mapped channels made on first sight (the others are labelled as the camera names the type). */
    private static final Map<String, String> LABELS = Map.of(
            "itemTaken", "Item taken",
            "licensePlateAlarm", "License plate",
            "crossCountingAlarm", "Cross counting",
            "crowdDensityAlarm", "Crowd density",
            "queueLengthAlarm", "Queue length",
            "fireAlarm", "Fire",
            "temperatureAlarm", "Temperature",
            "genericAlarm", "Alarm");

    private CameraChannels() {}

    /** The label of a detection channel made on first sight: ours for a mapped one, else the camera's type. */
    static String label(String channel, String rawType) {
        return LABELS.getOrDefault(channel, rawType);
    }

    /** The detection channels a canonical type evidences; {@code <lowerCamelType>Alarm} for types nobody mapped. */
    static List<String> evidencedBy(String canonicalType) {
        List<String> mapped = EVIDENCE.get(canonicalType);
        return mapped != null ? mapped : List.of(EventTypes.lowerCamel(canonicalType) + "Alarm");
    }

    static ChannelDefinition detection(String id, String label) {
        return ChannelDefinition.state(id, "Switch", label);
    }
}
