package org.camalarm.alarm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.camalarm.alarm.Alarm.Vendor;
import org.camalarm.alarm.AlarmEvent.Action;
import org.junit.jupiter.api.Test;

/** VIGI pushes with a snapshot: {@code multipart/form-data} (docs/protocols.md §1.1). */
class VigiMultipartDecoderTest {

    private static final String CONTENT_TYPE = "multipart/form-data; boundary=ReportEventBoundary";
    private static final String JSON = """
            {"ip":"192.168.1.20","mac":"f0-a7-31-3e-84-18","protocol":"HTTP","device_name":"VIGI C250","event_list":[{"dateTime":"20260307162912","event_type":["PEOPLE"]}]}""";

    /** The JSON part's head, CRLF line ends, as the camera sends it. */
    private static final String EVENT_PART = """
            --ReportEventBoundary\r
            Content-Disposition: form-data; name="event"\r
            Content-Type: application/json\r
            \r
            """;

    private static final String IMAGE_PART = """
            \r
            --ReportEventBoundary\r
            Content-Disposition: form-data; name="20260307162912"\r
            Content-Type: image/jpeg\r
            \r
            """;
    private static final String END = "\r\n--ReportEventBoundary--\r\n";

    @Test
    void namedPartsGiveEventAndByteExactJpeg() throws Exception {
        Alarm push = decode(CONTENT_TYPE, Bytes.of(EVENT_PART, JSON, IMAGE_PART, Bytes.JPEG, END));

        assertEquals(Vendor.VIGI, push.vendor());
        assertEquals("192.168.1.20", push.ip());
        assertEquals("F0:A7:31:3E:84:18", push.mac());
        assertEquals("VIGI C250", push.deviceName());
        assertEquals(
                List.of(new AlarmEvent(
                        "PEOPLE",
                        "PERSON",
                        Action.PULSE,
                        LocalDateTime.of(2026, 3, 7, 16, 29, 12),
                        null,
                        "{\"dateTime\":\"20260307162912\",\"event_type\":[\"PEOPLE\"],\"ip\":\"192.168.1.20\","
                                + "\"mac\":\"f0-a7-31-3e-84-18\",\"device_name\":\"VIGI C250\"}")),
                push.events());
        assertArrayEquals(Bytes.JPEG, push.image().toArray());
    }

    @Test
    void partsWithoutNameAreClassifiedByContentType() throws Exception {
        byte[] body = Bytes.of("""
                --ReportEventBoundary\r
                Content-Disposition: form-data\r
                Content-Type: application/json\r
                \r
                """, JSON, """
                \r
                --ReportEventBoundary\r
                Content-Type: image/jpeg\r
                \r
                """, Bytes.JPEG, END);

        Alarm push = decode(CONTENT_TYPE, body);

        assertEquals("PERSON", push.events().get(0).type());
        assertArrayEquals(Bytes.JPEG, push.image().toArray());
    }

    @Test
    void partsWithoutContentTypeAreClassifiedByContent() throws Exception {
        byte[] body = Bytes.of("""
                --ReportEventBoundary\r
                Content-Disposition: form-data; name="image"\r
                \r
                """, Bytes.JPEG, """
                \r
                --ReportEventBoundary\r
                Content-Disposition: form-data; name="data"\r
                \r
                """, JSON, END);

        Alarm push = decode(CONTENT_TYPE, body);

        assertEquals("PERSON", push.events().get(0).type());
        assertArrayEquals(Bytes.JPEG, push.image().toArray());
    }

    @Test
    void bytesBeforeTheJpegStartAreDropped() throws Exception {
        byte[] junk = {0, 0, 'J', 'U', 'N', 'K', (byte) 0xFF, (byte) 0xD8, '\r', '\n'};

        Alarm push = decode(CONTENT_TYPE, Bytes.of(EVENT_PART, JSON, IMAGE_PART, junk, Bytes.JPEG, END));

        assertArrayEquals(Bytes.JPEG, push.image().toArray());
    }

    @Test
    void bareLineFeedsAreAccepted() throws Exception {
        byte[] body = Bytes.of("""
                --ReportEventBoundary
                Content-Disposition: form-data; name="event"
                Content-Type: application/json

                """, JSON, """

                --ReportEventBoundary
                Content-Disposition: form-data; name="20260307162912"
                Content-Type: image/jpeg

                """, Bytes.JPEG, "\n--ReportEventBoundary--\n");

        Alarm push = decode(CONTENT_TYPE, body);

        assertEquals("F0:A7:31:3E:84:18", push.mac());
        assertArrayEquals(Bytes.JPEG, push.image().toArray());
    }

    @Test
    void quotedBoundaryWithSpecialCharacters() throws Exception {
        String boundary = "----=_Part 7:abc'()+,./?";
        byte[] body = Bytes.of(
                EVENT_PART.replace("ReportEventBoundary", boundary),
                JSON,
                IMAGE_PART.replace("ReportEventBoundary", boundary),
                Bytes.JPEG,
                "\r\n--" + boundary + "--");

        Alarm push = decode("Multipart/Form-Data; charset=UTF-8; Boundary=\"" + boundary + "\"", body);

        assertEquals("PERSON", push.events().get(0).type());
        assertArrayEquals(Bytes.JPEG, push.image().toArray());
    }

    @Test
    void preambleEpilogueAndTransportPaddingAreIgnored() throws Exception {
        byte[] body = Bytes.of(
                "preamble text\r\n",
                EVENT_PART.replace("Boundary\r\nContent-Disposition", "Boundary \t\r\nContent-Disposition"),
                JSON,
                IMAGE_PART,
                Bytes.JPEG,
                END,
                "epilogue");

        Alarm push = decode(CONTENT_TYPE, body);

        assertEquals("PERSON", push.events().get(0).type());
        assertArrayEquals(Bytes.JPEG, push.image().toArray());
    }

    @Test
    void emptyImagePartGivesNoImageButKeepsTheEvent() throws Exception {
        Alarm push = decode(CONTENT_TYPE, Bytes.of(EVENT_PART, JSON, IMAGE_PART, END));

        assertNull(push.image());
        assertEquals("PERSON", push.events().get(0).type());
    }

    @Test
    void imagePartWithoutJpegSignatureGivesNoImage() throws Exception {
        Alarm push = decode(CONTENT_TYPE, Bytes.of(EVENT_PART, JSON, IMAGE_PART, "not a jpeg", END));

        assertNull(push.image());
        assertEquals(1, push.events().size());
    }

    @Test
    void missingFinalBoundaryIsTruncated() {
        MalformedAlarmException e = assertThrows(
                MalformedAlarmException.class,
                () -> decode(CONTENT_TYPE, Bytes.of(EVENT_PART, JSON, IMAGE_PART, Bytes.JPEG)));

        assertEquals("truncated_multipart", e.error());
        int imageStart = Bytes.of(EVENT_PART, JSON, IMAGE_PART).length;
        int bodyLength = imageStart + Bytes.JPEG.length;
        assertEquals(
                "part 2 (content from byte " + imageStart + ") has no closing --boundary; the body ends at byte "
                        + bodyLength,
                e.getMessage());
    }

    @Test
    void bodyCutInsideTheJpegIsTruncated() {
        byte[] whole = Bytes.of(EVENT_PART, JSON, IMAGE_PART, Bytes.JPEG, END);

        MalformedAlarmException e = assertThrows(
                MalformedAlarmException.class,
                () -> decode(CONTENT_TYPE, Arrays.copyOf(whole, whole.length - END.length() - 100)));

        assertEquals("truncated_multipart", e.error());
    }

    @Test
    void delimiterWithoutClosingDashesAtTheEndIsTruncated() {
        MalformedAlarmException e = assertThrows(
                MalformedAlarmException.class,
                () -> decode(
                        CONTENT_TYPE, Bytes.of(EVENT_PART, JSON, IMAGE_PART, Bytes.JPEG, "\r\n--ReportEventBoundary")));

        assertEquals("truncated_multipart", e.error());
    }

    @Test
    void missingBoundaryParameterIsRejected() {
        MalformedAlarmException e = assertThrows(
                MalformedAlarmException.class, () -> decode("multipart/form-data", Bytes.of(EVENT_PART, JSON, END)));

        assertEquals("missing_boundary", e.error());
        assertEquals("multipart Content-Type has no boundary parameter", e.getMessage());
    }

    @Test
    void bodyWithoutAnyDelimiterIsRejected() {
        MalformedAlarmException e = assertThrows(
                MalformedAlarmException.class,
                () -> decode("multipart/form-data; boundary=Other", Bytes.of(EVENT_PART, JSON, END)));

        assertEquals("invalid_multipart", e.error());
    }

    @Test
    void multipartWithoutJsonPartIsRejected() {
        MalformedAlarmException e = assertThrows(
                MalformedAlarmException.class,
                () -> decode(CONTENT_TYPE, Bytes.of(IMAGE_PART.substring(2), Bytes.JPEG, END)));

        assertEquals("missing_event_document", e.error());
        assertEquals(
                "none of the 1 multipart parts is JSON or XML (by Content-Type, or content starting with '{' or '<')",
                e.getMessage());
    }

    @Test
    void imageOnlyWithPathEventTypeGivesThatEvent() throws Exception {
        Alarm push = Requests.post()
                .pathType("MOTION")
                .contentType(CONTENT_TYPE)
                .body(Bytes.of(IMAGE_PART.substring(2), Bytes.JPEG, END))
                .decode();

        assertEquals(
                List.of(new AlarmEvent("MOTION", "MOTION", Action.PULSE, null, null, "{\"event_type\":\"MOTION\"}")),
                push.events());
        assertArrayEquals(Bytes.JPEG, push.image().toArray());
    }

    @Test
    void invalidJsonPartIsNamed() {
        MalformedAlarmException e = assertThrows(
                MalformedAlarmException.class,
                () -> decode(CONTENT_TYPE, Bytes.of(EVENT_PART, "{\"event_list\":[", IMAGE_PART, Bytes.JPEG, END)));

        assertEquals("invalid_json", e.error());
        assertEquals("multipart part 1 is not valid JSON: ", e.getMessage().substring(0, 36));
    }

    @Test
    void aPushSentWithoutItsMultipartContentTypeIsReadAllTheSame() throws Exception {
        // curl --data-binary declares a form; other senders declare nothing or octet-stream
        for (String declared : new String[] {"application/x-www-form-urlencoded", "application/octet-stream", null}) {
            Alarm push = decode(declared, Bytes.of(EVENT_PART, JSON, IMAGE_PART, Bytes.JPEG, END));

            assertEquals("PERSON", push.events().get(0).type(), declared);
            assertArrayEquals(Bytes.JPEG, push.image().toArray(), declared);
        }
        // a form field that merely starts with two dashes stays a form
        assertEquals(
                "ALARM",
                Requests.post()
                        .thing("cam")
                        .contentType(null)
                        .body("--x=1")
                        .decode()
                        .events()
                        .get(0)
                        .type());
    }

    private static Alarm decode(String contentType, byte[] body) throws MalformedAlarmException {
        return Requests.post().contentType(contentType).body(body).decode();
    }
}
