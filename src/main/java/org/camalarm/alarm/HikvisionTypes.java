package org.camalarm.alarm;

/**
 * Hikvision ISAPI {@code eventType} values (docs/devices.md, "Hikvision ISAPI": seen in pushes, capability
 * lists, and the meanings third-party receivers give them). Events arrive lower case
 * ({@code fielddetection}), configurations camel case ({@code fieldDetection}); names match ignoring
 * case. Names nobody listed keep their own canonical form ({@code loitering} → {@code LOITERING}).
 */
final class HikvisionTypes {

    static final VendorTypes EVENTS = new VendorTypes(
            "VMD", EventTypes.MOTION,
            "motionDetection", EventTypes.MOTION,
            "VMDHumanVehicle", EventTypes.MOTION,
            "fielddetection", EventTypes.INTRUSION,
            "linedetection", EventTypes.LINE_CROSSING,
            "regionEntrance", EventTypes.REGION_ENTRANCE,
            "regionExiting", EventTypes.REGION_EXITING,
            "shelteralarm", EventTypes.TAMPER, // video blind: the lens covered
            "tamperDetection", EventTypes.TAMPER,
            "hide", EventTypes.TAMPER,
            "IO", EventTypes.ALARM_INPUT,
            "PIR", EventTypes.PIR,
            "facedetection", EventTypes.FACE,
            "faceSnap", EventTypes.FACE,
            "faceCapture", EventTypes.FACE,
            "audioDetection", EventTypes.AUDIO,
            "audioexception", EventTypes.ABNORMAL_SOUND,
            "scenechangedetection", EventTypes.SCENE_CHANGE,
            "defocus", EventTypes.TOO_BLURRY,
            "unattendedBaggage", EventTypes.OBJECT_LEFT,
            "attendedBaggage", EventTypes.OBJECT_TAKEN, // object removal
            "peopleDetection", EventTypes.PERSON,
            "humanRecognition", EventTypes.PERSON,
            "vehicleDetection", EventTypes.VEHICLE,
            "ANPR", EventTypes.LICENSE_PLATE,
            "fireDetection", EventTypes.FIRE,
            "thermometry", EventTypes.TEMPERATURE,
            "temperature", EventTypes.TEMPERATURE,
            "tma", EventTypes.TEMPERATURE,
            "PeopleCounting", EventTypes.CROSS_COUNTING,
            "personQueueDetection", EventTypes.QUEUE_LENGTH,
            "videoloss", EventTypes.VIDEO_LOSS);

    /** {@code detectionTarget} of a detection region. */
    static final VendorTypes TARGETS = new VendorTypes(
            "human", EventTypes.PERSON,
            "person", EventTypes.PERSON,
            "vehicle", EventTypes.VEHICLE);

    /** The event type that says another event is still going on ({@code DurationList/Duration/relationEvent}). */
    static final String DURATION = "duration";
    /** With {@code inactive} and {@code activePostCount} 0: an NVR's heartbeat. */
    static final String VIDEO_LOSS = "videoloss";

    private HikvisionTypes() {}
}
