package org.camalarm.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camalarm.alarm.Alarm.Vendor;
import org.junit.jupiter.api.Test;

/**
 * The decoder's contract under hostile input: for any bytes, a valid push or a
 * {@link MalformedAlarmException}, never another exception. Bounded and deterministic (fixed seed).
 */
class AlarmDecoderFuzzTest {

    private static final long SEED = 20261005150501L;
    private static final int ROUNDS = 30_000;

    private static final String MULTIPART = "multipart/form-data; boundary=ReportEventBoundary";
    private static final String[] CONTENT_TYPES = {
        null,
        "application/json",
        "application/json; charset=utf-8",
        MULTIPART,
        "multipart/form-data",
        "multipart/form-data; boundary=\"",
        "application/xml",
        "text/xml",
        "application/x-www-form-urlencoded",
        "text/plain",
        "",
        ";;;",
        "image/jpeg",
        "multipart/mixed; boundary=b"
    };

    private static final String LEGACY =
            "{\"ip\":\"192.168.0.101\",\"mac\":\"98-ba-5f-8b-10-03\",\"protocol\":\"HTTP\","
                    + "\"device_name\":\"InSight S445 1.0_1003\",\"event_list\":[{\"dateTime\":\"20261005150501\","
                    + "\"event_type\":[\"MOTION\",\"PEOPLE\"]}]}";
    private static final String ENHANCED = "{\"mac\":\"98:BA:5F:8B:10:04\",\"event_list\":[{\"camera\":\"1\","
            + "\"dateTime\":\"2026-10-05 16:25:31\",\"event_type\":\"PEOPLE\",\"extra_text\":[{\"region_id\":[1],"
            + "\"obj_num\":2,\"obj_rect_info\":[{\"x\":2109,\"y\":4722,\"height\":5278,\"width\":1797}]}]}]}";
    private static final String XML =
            "<?xml version=\"1.0\"?><config version=\"1.7\" xmlns=\"http://www.ipc.com/ver10\">"
                    + "<alarmStatusInfo><perimeterAlarm type=\"boolean\" id=\"1\">true</perimeterAlarm></alarmStatusInfo></config>";
    private static final String FORM =
            "EventType=PD_VD&EventTime=2022-5-26+11%3A5%3A0&EventAction=start&MACAddress=D094662C1A8D";
    private static final byte[] MULTIPART_BODY = Bytes.of(
            "--ReportEventBoundary\r\nContent-Disposition: form-data; "
                    + "name=\"event\"\r\nContent-Type: application/json\r\n\r\n",
            LEGACY,
            "\r\n--ReportEventBoundary\r\n"
                    + "Content-Disposition: form-data; name=\"20261005150501\"\r\nContent-Type: image/jpeg\r\n\r\n",
            Bytes.JPEG,
            "\r\n--ReportEventBoundary--\r\n");

    /** Valid bodies with the content type they belong to. */
    private static final List<Map.Entry<String, byte[]>> FIXTURES = List.of(
            Map.entry("application/json", LEGACY.getBytes(StandardCharsets.UTF_8)),
            Map.entry("application/json", ENHANCED.getBytes(StandardCharsets.UTF_8)),
            Map.entry("application/xml", XML.getBytes(StandardCharsets.UTF_8)),
            Map.entry("application/x-www-form-urlencoded", FORM.getBytes(StandardCharsets.UTF_8)),
            Map.entry(MULTIPART, MULTIPART_BODY));

    private static final String[] KEYS = {
        "ip",
        "mac",
        "device_name",
        "event_list",
        "event_type",
        "dateTime",
        "camera",
        "extra_text",
        "EventType",
        "eventtime",
        "EventAction",
        "MACAddress",
        "x"
    };
    private static final byte[] SPECIAL = {
        '{',
        '}',
        '[',
        ']',
        '"',
        ':',
        ',',
        '\\',
        '\n',
        '\r',
        '-',
        '<',
        '>',
        '&',
        '=',
        '%',
        (byte) 0xFF,
        (byte) 0xD8,
        0,
        (byte) 0xC3
    };

    private final AlarmDecoder decoder = new AlarmDecoder();

    @Test
    void anyBytesGiveAPushOrMalformedAlarmException() {
        Random random = new Random(SEED);
        int pushes = 0;
        int malformed = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String contentType;
            byte[] body;
            switch (round % 5) {
                case 0 -> {
                    contentType = pick(random, CONTENT_TYPES);
                    body = randomBytes(random, random.nextInt(400));
                }
                case 1 -> {
                    Map.Entry<String, byte[]> fixture = FIXTURES.get(random.nextInt(FIXTURES.size()));
                    contentType = random.nextInt(4) == 0 ? pick(random, CONTENT_TYPES) : fixture.getKey();
                    body = Arrays.copyOf(fixture.getValue(), random.nextInt(fixture.getValue().length + 1));
                }
                case 2 -> {
                    Map.Entry<String, byte[]> fixture = FIXTURES.get(random.nextInt(FIXTURES.size()));
                    contentType = random.nextInt(4) == 0 ? pick(random, CONTENT_TYPES) : fixture.getKey();
                    body = mutate(random, fixture.getValue());
                }
                case 3 -> {
                    contentType = random.nextBoolean() ? "application/json" : null;
                    body = randomJson(random, 0).getBytes(StandardCharsets.UTF_8);
                }
                default -> {
                    contentType = MULTIPART;
                    body = randomMultipart(random);
                }
            }
            AlarmRequest request = new AlarmRequest(
                    random.nextBoolean() ? "POST" : "GET",
                    random.nextInt(3) == 0 ? "frontdoor" : null,
                    random.nextInt(4) == 0 ? pick(random, KEYS) : null,
                    contentType,
                    randomQuery(random),
                    body,
                    "192.0.2.1");
            try {
                check(decoder.decode(request));
                pushes++;
            } catch (MalformedAlarmException e) {
                assertTrue(e.error().matches("[a-z_]+"), e.error());
                assertNotNull(e.getMessage());
                assertTrue(e.getMessage().length() < 400, e.getMessage());
                malformed++;
            } catch (RuntimeException | Error e) {
                fail(
                        "round " + round + ", Content-Type " + contentType + ", body (base64) "
                                + Base64.getEncoder().encodeToString(body),
                        e);
            }
        }
        assertTrue(pushes > ROUNDS / 10, "pushes " + pushes); // the fuzzer also reaches the happy paths
        assertTrue(malformed > ROUNDS / 10, "malformed " + malformed);
    }

    @Test
    void deepNestingIsMalformedNotAStackOverflow() {
        for (String open : new String[] {"[", "{\"a\":"}) {
            String body = "{\"event_list\":" + open.repeat(100_000);
            try {
                decoder.decode(Requests.post()
                        .contentType("application/json")
                        .body(body)
                        .build());
                fail("accepted");
            } catch (MalformedAlarmException e) {
                assertEquals("invalid_json", e.error());
            }
        }
    }

    @Test
    void absentComponentsAreNoBodyAndNoQuery() throws Exception {
        Alarm push = decoder.decode(new AlarmRequest(null, "cam", null, null, null, null, "192.0.2.1"));

        assertEquals("ALARM", push.events().get(0).type());
    }

    private static void check(Alarm push) {
        assertNotNull(push.vendor());
        assertNotNull(push.events());
        if (push.events().isEmpty()) {
            assertEquals(Vendor.IVSEC, push.vendor()); // only a TVT keepalive has no events
        }
        for (AlarmEvent event : push.events()) {
            assertNotNull(event.rawType());
            assertTrue(event.type().matches("[A-Z0-9_]+"), event.type());
            assertNotNull(event.action());
            assertTrue(event.json().getBytes(StandardCharsets.UTF_8).length <= EventJson.MAX_BYTES);
            JsonElement json = JsonParser.parseString(event.json());
            assertTrue(json.isJsonObject(), event.json());
        }
        if (push.mac() != null) {
            assertTrue(push.mac().matches("([0-9A-F]{2}:){5}[0-9A-F]{2}"), push.mac());
        }
        if (push.image() != null) {
            assertTrue(push.image().length() >= 3
                    && (push.image().get(0) & 0xff) == 0xFF
                    && (push.image().get(1) & 0xff) == 0xD8);
        }
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = random.nextInt(3) == 0 ? SPECIAL[random.nextInt(SPECIAL.length)] : (byte) random.nextInt(256);
        }
        return bytes;
    }

    private static byte[] mutate(Random random, byte[] original) {
        byte[] bytes = original.clone();
        int edits = 1 + random.nextInt(6);
        for (int i = 0; i < edits && bytes.length > 0; i++) {
            int at = random.nextInt(bytes.length);
            bytes[at] = random.nextBoolean() ? SPECIAL[random.nextInt(SPECIAL.length)] : (byte) random.nextInt(256);
        }
        return bytes;
    }

    /** JSON of random shape over the decoders' own keys, so type confusion is reached. */
    private static String randomJson(Random random, int depth) {
        int kind = depth > 4 ? 3 + random.nextInt(4) : random.nextInt(7);
        switch (kind) {
            case 0, 1 -> {
                StringBuilder object = new StringBuilder("{");
                int members = random.nextInt(5);
                for (int i = 0; i < members; i++) {
                    object.append(i == 0 ? "" : ",")
                            .append('"')
                            .append(pick(random, KEYS))
                            .append("\":")
                            .append(randomJson(random, depth + 1));
                }
                return object.append('}').toString();
            }
            case 2 -> {
                StringBuilder array = new StringBuilder("[");
                int elements = random.nextInt(4);
                for (int i = 0; i < elements; i++) {
                    array.append(i == 0 ? "" : ",").append(randomJson(random, depth + 1));
                }
                return array.append(']').toString();
            }
            case 3 -> {
                return "\""
                        + pick(random, new String[] {
                            "MOTION",
                            "PD_VD",
                            "",
                            " ",
                            "2022-5-26 11:5:0",
                            "98ba5f8b1003",
                            "start",
                            "stop",
                            "\\u0000",
                            "\\ud800",
                            "x".repeat(random.nextInt(5000))
                        })
                        + "\"";
            }
            case 4 -> {
                return Integer.toString(random.nextInt());
            }
            case 5 -> {
                return random.nextBoolean() ? "true" : "null";
            }
            default -> {
                return "1.5e308";
            }
        }
    }

    private static byte[] randomMultipart(Random random) {
        StringBuilder head = new StringBuilder(random.nextBoolean() ? "" : "preamble\r\n");
        int parts = random.nextInt(4);
        String eol = random.nextBoolean() ? "\r\n" : "\n";
        byte[][] pieces = new byte[parts * 2 + 2][];
        pieces[0] = head.toString().getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < parts; i++) {
            String type = pick(random, new String[] {
                "",
                "Content-Type: application/json" + eol,
                "Content-Type: image/jpeg" + eol,
                "Content-Type: text/plain" + eol
            });
            String name = random.nextBoolean() ? "Content-Disposition: form-data; name=\"p" + i + "\"" + eol : "";
            pieces[1 + i * 2] = ("--ReportEventBoundary" + eol + name + type + eol).getBytes(StandardCharsets.UTF_8);
            byte[] content = switch (random.nextInt(4)) {
                case 0 -> randomJson(random, 0).getBytes(StandardCharsets.UTF_8);
                case 1 -> Bytes.JPEG;
                case 2 -> LEGACY.getBytes(StandardCharsets.UTF_8);
                default -> randomBytes(random, random.nextInt(50));
            };
            pieces[2 + i * 2] = Bytes.of(content, eol);
        }
        pieces[pieces.length - 1] = random.nextInt(4) == 0
                ? new byte[0]
                : ("--ReportEventBoundary--" + eol).getBytes(StandardCharsets.UTF_8);
        return Bytes.of((Object[]) pieces);
    }

    private static String randomQuery(Random random) {
        StringBuilder query = new StringBuilder();
        if (random.nextInt(3) == 0) {
            int n = random.nextInt(4);
            for (int i = 0; i < n; i++) {
                String value = pick(random, new String[] {
                    "VideoMotion",
                    "",
                    "start",
                    "stop",
                    "2022-5-26 11:5:0",
                    "5C-F2-07-49-0F-24",
                    "\u0000\uffff",
                    "y".repeat(random.nextInt(100))
                });
                query.append(query.length() == 0 ? "" : "&")
                        .append(pick(random, KEYS))
                        .append('=')
                        .append(value);
            }
        }
        return query.toString();
    }

    private static <T> T pick(Random random, T[] choices) {
        return choices[random.nextInt(choices.length)];
    }
}
