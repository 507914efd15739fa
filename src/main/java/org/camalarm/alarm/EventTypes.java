package org.camalarm.alarm;

import java.util.HashMap;
import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Maps the event type a camera names ({@code PEOPLE}, {@code VideoMotion}, {@code PD_VD}, ...) to
 * the canonical type the rest of camalarm speaks ({@code PERSON}, {@code MOTION},
 * {@code PERSON_OR_VEHICLE}, ...).
 *
 * <p>Matching ignores case and every character that is not an ASCII letter or digit, so
 * {@code VideoMotion}, {@code VIDEO_MOTION} and {@code video-motion} are the same type. A type
 * that is not in the table is never dropped: its canonical form is its upper SNAKE_CASE
 * ({@code SmokeDetect} becomes {@code SMOKE_DETECT}, {@code PD&VD}-like punctuation becomes
 * {@code _}). {@link #canonical(String)} is idempotent: a canonical type maps to itself.
 *
 * <p>The table holds every iVSEC {@code EventType} of the vendor document, the VIGI types seen
 * ({@code MOTION}, {@code PEOPLE}) and guesses for the rest (docs/protocols.md §1). Thread-safe:
 * static, immutable after class initialisation.
 */
public final class EventTypes {

    public static final String MOTION = "MOTION";
    public static final String PERSON = "PERSON";
    public static final String VEHICLE = "VEHICLE";
    /** iVSEC {@code PD_VD}: a person or a vehicle; which one is not said. */
    public static final String PERSON_OR_VEHICLE = "PERSON_OR_VEHICLE";

    public static final String FACE = "FACE";
    public static final String LINE_CROSSING = "LINE_CROSSING";
    public static final String INTRUSION = "INTRUSION";
    public static final String REGION_ENTRANCE = "REGION_ENTRANCE";
    public static final String REGION_EXITING = "REGION_EXITING";
    /** iVSEC {@code SOD}: stationary (left) object. */
    public static final String OBJECT_LEFT = "OBJECT_LEFT";

    public static final String TAMPER = "TAMPER";
    /** iVSEC {@code SoundDetect}: sound above a level. */
    public static final String AUDIO = "AUDIO";
    /** iVSEC {@code RSD}: abnormal sound. */
    public static final String ABNORMAL_SOUND = "ABNORMAL_SOUND";
    /** iVSEC {@code IOAlarm}: the camera's alarm input. */
    public static final String ALARM_INPUT = "ALARM_INPUT";

    public static final String PIR = "PIR";
    /** iVSEC {@code CC}. */
    public static final String CROSS_COUNTING = "CROSS_COUNTING";
    /** iVSEC {@code AD}. */
    public static final String FACE_ATTRIBUTE = "FACE_ATTRIBUTE";
    /** iVSEC {@code CD}. */
    public static final String CROWD_DENSITY = "CROWD_DENSITY";
    /** iVSEC {@code QD}. */
    public static final String QUEUE_LENGTH = "QUEUE_LENGTH";
    /** iVSEC {@code LPD}, {@code LPR}. */
    public static final String LICENSE_PLATE = "LICENSE_PLATE";
    /** iVSEC {@code FireDetection}. */
    public static final String FIRE = "FIRE";
    /** iVSEC {@code Measurement}. */
    public static final String TEMPERATURE = "TEMPERATURE";
    /** iVSEC {@code FR}. */
    public static final String FACE_RECOGNITION = "FACE_RECOGNITION";
    /** Hikvision {@code attendedBaggage}: an object taken away. */
    public static final String OBJECT_TAKEN = "OBJECT_TAKEN";
    /** TVT {@code sceneChange}, Hikvision {@code scenechangedetection}: the view changed suddenly. */
    public static final String SCENE_CHANGE = "SCENE_CHANGE";
    /** TVT {@code clarityAbnormal}, Hikvision {@code defocus}: the picture is blurred. */
    public static final String TOO_BLURRY = "TOO_BLURRY";
    /** Hikvision {@code videoloss} when active: a camera's picture is gone. */
    public static final String VIDEO_LOSS = "VIDEO_LOSS";
    /** A push that names no type (fixed-path push), or a type with no letter or digit in it. */
    public static final String ALARM = "ALARM";

    /** Match key (upper case ASCII letters and digits only) to canonical type. */
    private static final Map<String, String> TABLE = new HashMap<>();

    static {
        // iVSEC names come first on each line (vendor document), then VIGI, then guesses.
        alias(MOTION, "VideoMotion", "MOTION", "motionAlarm");
        alias(PERSON, "PD", "PEOPLE", "PERSON", "HUMAN");
        alias(VEHICLE, "VEHICLE", "VD");
        alias(PERSON_OR_VEHICLE, "PD_VD", "PERSON_OR_VEHICLE");
        alias(FACE, "FD", "FACE", "VFD");
        alias(LINE_CROSSING, "LCD", "LINE_CROSSING", "LINE_CROSS", "tripwireAlarm");
        alias(INTRUSION, "PID", "Intrusion", "AREA_INTRUSION", "REGION_INTRUSION", "perimeterAlarm");
        alias(REGION_ENTRANCE, "RegionEntrance", "ENTER_AREA", "AOIENTRY");
        alias(REGION_EXITING, "RegionExiting", "LEAVE_AREA", "AOILEAVE");
        alias(OBJECT_LEFT, "SOD", "OBJECT_LEFT");
        alias(TAMPER, "VideoTampering", "TAMPER", "CAMERA_TAMPERING", "TAMPERING");
        alias(AUDIO, "SoundDetect", "AUDIO", "SOUND");
        alias(ABNORMAL_SOUND, "RSD", "ABNORMAL_SOUND");
        alias(ALARM_INPUT, "IOAlarm", "ALARM_INPUT", "sensorAlarm");
        alias(PIR, "PIRAlarm", "PIR");
        alias(CROSS_COUNTING, "CC", "CROSS_COUNTING");
        alias(FACE_ATTRIBUTE, "AD", "FACE_ATTRIBUTE");
        alias(CROWD_DENSITY, "CD", "CROWD_DENSITY");
        alias(QUEUE_LENGTH, "QD", "QUEUE_LENGTH");
        alias(LICENSE_PLATE, "LPD", "LPR", "LICENSE_PLATE");
        alias(FIRE, "FireDetection", "FIRE");
        alias(TEMPERATURE, "Measurement", "TEMPERATURE");
        alias(FACE_RECOGNITION, "FR", "FACE_RECOGNITION");
        alias(ALARM, "ALARM");
    }

    private EventTypes() {}

    /**
     * The canonical type of a raw vendor type: a constant of this class when the type is known,
     * else the raw type in upper SNAKE_CASE. {@link #ALARM} for {@code null} or a type with no
     * ASCII letter or digit. Never throws.
     */
    public static String canonical(@Nullable String rawType) {
        if (rawType == null) {
            return ALARM;
        }
        String key = key(rawType);
        if (key.isEmpty()) {
            return ALARM;
        }
        String known = TABLE.get(key);
        return known != null ? known : snake(rawType);
    }

    /**
     * Any type in lowerCamelCase, for channel ids: {@code SMOKE_DETECT} and {@code SmokeDetect}
     * both give {@code smokeDetect}. No table lookup: {@code PEOPLE} gives {@code people}.
     * {@code alarm} for {@code null} or a type with no ASCII letter or digit.
     */
    public static String lowerCamel(@Nullable String anyType) {
        String snake = anyType == null ? "" : snake(anyType);
        if (snake.isEmpty()) {
            return "alarm";
        }
        StringBuilder out = new StringBuilder(snake.length());
        boolean wordStart = false;
        for (int i = 0; i < snake.length(); i++) {
            char c = snake.charAt(i);
            if (c == '_') {
                wordStart = true;
            } else {
                out.append(wordStart && out.length() > 0 ? c : Character.toLowerCase(c));
                wordStart = false;
            }
        }
        return out.toString();
    }

    /**
     * Upper SNAKE_CASE of the ASCII letters and digits of {@code raw}: words split at camel-case
     * humps ({@code SmokeDetect}), at the end of an acronym ({@code HTTPServer}), between a digit
     * and a letter ({@code Zone1Alarm}, {@code zone1alarm}) and at any other character; empty when
     * there is no letter or digit.
     */
    static String snake(String raw) {
        StringBuilder out = new StringBuilder(raw.length() + 4);
        boolean gap = false;
        char prev = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (!isAsciiAlnum(c)) {
                gap = out.length() > 0;
                continue;
            }
            if (out.length() > 0 && (gap || startsWord(prev, c, i + 1 < raw.length() ? raw.charAt(i + 1) : 0))) {
                out.append('_');
            }
            gap = false;
            out.append(c >= 'a' && c <= 'z' ? (char) (c - 32) : c);
            prev = c;
        }
        return out.toString();
    }

    /**
     * Whether {@code c} (a letter or digit, after {@code prev}) starts a word. A digit followed by
     * a letter of either case splits, so that the upper-case result splits the same way again
     * (idempotence).
     */
    private static boolean startsWord(char prev, char c, char next) {
        if (isDigit(prev)) {
            return !isDigit(c);
        }
        return isUpper(c) && (isLower(prev) || (isUpper(prev) && isLower(next)));
    }

    /** The match key: ASCII letters (upper-cased) and digits, nothing else; vendor tables use it too. */
    static String key(String raw) {
        char[] key = new char[raw.length()];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (isLower(c)) {
                key[n++] = (char) (c - 32);
            } else if (isUpper(c) || isDigit(c)) {
                key[n++] = c;
            }
        }
        return new String(key, 0, n);
    }

    private static void alias(String canonical, String... rawTypes) {
        TABLE.put(key(canonical), canonical);
        for (String raw : rawTypes) {
            String previous = TABLE.put(key(raw), canonical);
            if (previous != null && !previous.equals(canonical)) {
                throw new IllegalStateException(raw + " maps to both " + previous + " and " + canonical);
            }
        }
    }

    private static boolean isAsciiAlnum(char c) {
        return isUpper(c) || isLower(c) || isDigit(c);
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
