package org.camalarm.alarm;

/**
 * TVT's names for its detections (docs/devices.md, "TVT-made cameras and NVRs"; the distributor's
 * detection-types reference): the elements of {@code alarmStatusInfo}, the IPC and NVR
 * {@code smartType} codes, and the target types of smart events. Names nobody listed keep their
 * own canonical form ({@link EventTypes#canonical}).
 */
final class TvtTypes {

    /** {@code alarmStatusInfo} element names. */
    static final VendorTypes STATUS = new VendorTypes(
            "motionAlarm", EventTypes.MOTION,
            "sensorAlarm", EventTypes.ALARM_INPUT,
            "sensorAlarmIn", EventTypes.ALARM_INPUT,
            "perimeterAlarm", EventTypes.INTRUSION, // NVRs also report line crossing under this name
            "tripwireAlarm", EventTypes.LINE_CROSSING,
            "oscAlarm", EventTypes.OBJECT_LEFT, // object left or removed
            "avdAlarm", EventTypes.TAMPER,
            "sceneChange", EventTypes.SCENE_CHANGE,
            "clarityAbnormal", EventTypes.TOO_BLURRY,
            "vehiceAlarm", EventTypes.VEHICLE, // sic, as IPC firmware 1.x sends it
            "vehicleAlarm", EventTypes.VEHICLE,
            "VFDAlarm", EventTypes.FACE,
            "aoiEntryAlarm", EventTypes.REGION_ENTRANCE,
            "aoiLeaveAlarm", EventTypes.REGION_EXITING,
            "CPCAlarm", EventTypes.CROSS_COUNTING,
            "passlineAlarm", EventTypes.CROSS_COUNTING,
            "CDDAlarm", EventTypes.CROWD_DENSITY,
            "IPDAlarm", EventTypes.INTRUSION); // people intrusion

    /** {@code smartType} codes of IPC (upper case) and NVR (camel case) smart-event data. */
    static final VendorTypes SMART = new VendorTypes(
            "MOTION", EventTypes.MOTION,
            "SENSOR", EventTypes.ALARM_INPUT,
            "AVD", EventTypes.TAMPER,
            "OSC", EventTypes.OBJECT_LEFT,
            "CPC", EventTypes.CROSS_COUNTING,
            "PASSLINECOUNT", EventTypes.CROSS_COUNTING,
            "targetCountingByLine", EventTypes.CROSS_COUNTING,
            "CDD", EventTypes.CROWD_DENSITY,
            "TRAFFIC", EventTypes.CROWD_DENSITY, // counting by area
            "targetCountingByArea", EventTypes.CROWD_DENSITY,
            "IPD", EventTypes.INTRUSION,
            "regionIntrusion", EventTypes.INTRUSION,
            "lineCrossing", EventTypes.LINE_CROSSING,
            "VFD", EventTypes.FACE,
            "videoFaceDetect", EventTypes.FACE,
            "VFD_MATCH", EventTypes.FACE_RECOGNITION,
            "VEHICE", EventTypes.LICENSE_PLATE, // sic: the IPC's plate recognition
            "vehicle", EventTypes.LICENSE_PLATE, // the NVR's plate recognition
            "AOIENTRY", EventTypes.REGION_ENTRANCE,
            "AOILEAVE", EventTypes.REGION_EXITING);

    /** Target types: numbers in IPC data, words in NVR data. Bikes count as vehicles. */
    static final VendorTypes TARGETS = new VendorTypes(
            "1", EventTypes.PERSON,
            "person", EventTypes.PERSON,
            "2", EventTypes.VEHICLE,
            "car", EventTypes.VEHICLE,
            "4", EventTypes.VEHICLE,
            "motor", EventTypes.VEHICLE,
            "bike", EventTypes.VEHICLE);

    /** IPC {@code PEA} covers intrusion and line crossing; the data's block tells which. */
    static final String PEA = "PEA";

    private TvtTypes() {}
}
