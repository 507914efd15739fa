package org.camalarm.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.camalarm.alarm.MultipartReader.Part;
import org.junit.jupiter.api.Test;

class MultipartReaderTest {

    @Test
    void contentKeepsItsOwnLineBreaksAndLosesOnlyTheDelimiters() throws Exception {
        byte[] body = Bytes.of("--b\r\nContent-Type: text/plain\r\n\r\nline one\r\n\r\n--b-not-a-delimiter\r\n\r\n--b\n"
                + "Content-Disposition: form-data; name=\"x y\"\n\n\n--b--");

        List<Part> parts = MultipartReader.read(body, "b");

        assertEquals(2, parts.size());
        assertEquals("text/plain", parts.get(0).contentType());
        assertEquals("line one\r\n\r\n--b-not-a-delimiter\r\n", content(body, parts.get(0)));
        assertEquals("", parts.get(1).contentType());
        assertEquals("x y", parts.get(1).name());
        assertEquals("", content(body, parts.get(1)));
    }

    @Test
    void delimiterIsFoundAtEveryAlignmentAndNearMissesAreContent() throws Exception {
        String boundary = "ReportEventBoundary";
        String nearMiss = "\n--ReportEventBoundar\n-ReportEventBoundary\r--ReportEventBoundary";
        for (int length = 0; length < 3 * boundary.length(); length++) {
            String content = ("yyyy" + nearMiss).repeat(3).substring(0, length);
            byte[] body = Bytes.of("--" + boundary + "\r\n\r\n" + content + "\r\n--" + boundary + "--");

            List<Part> parts = MultipartReader.read(body, boundary);

            assertEquals(1, parts.size(), "length " + length);
            assertEquals(content, content(body, parts.get(0)), "length " + length);
        }
    }

    @Test
    void aBoundaryOfRepeatedCharactersIsFoundAfterContentMadeOfThem() throws Exception {
        // browsers' boundaries are mostly dashes: each dash of the content could start the delimiter
        String boundary = "----xx--x";
        // near misses: the boundary cut short, or whole but followed by what no delimiter is
        String[] pieces = {"-", "x", "--", "\n---xx--y", "\n------xx--y", "\n------xx--xy", "\r", "y\n"};
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 300; round++) {
            StringBuilder content = new StringBuilder();
            for (int n = random.nextInt(40); n > 0; n--) {
                content.append(pieces[random.nextInt(pieces.length)]);
            }
            byte[] body = Bytes.of("--" + boundary + "\r\n\r\n" + content + "\r\n--" + boundary + "--");

            List<Part> parts = MultipartReader.read(body, boundary);

            assertEquals(1, parts.size(), content.toString());
            assertEquals(content.toString(), content(body, parts.get(0)));
        }
    }

    @Test
    void emptyContentRightAfterTheHeaders() throws Exception {
        byte[] body = Bytes.of("--b\r\nContent-Type: image/jpeg\r\n\r\n--b--\r\n");

        List<Part> parts = MultipartReader.read(body, "b");

        assertEquals(1, parts.size());
        assertEquals(0, parts.get(0).length());
    }

    @Test
    void closeDelimiterFirstGivesNoParts() throws Exception {
        assertEquals(List.of(), MultipartReader.read(Bytes.of("--b--"), "b"));
    }

    @Test
    void cutAnywhereIsTruncated() {
        byte[] whole = Bytes.of("--b\r\nContent-Type: application/json\r\n\r\n{}\r\n--b--");
        for (int length = 3; length < whole.length - 1; length++) {
            byte[] cut = Arrays.copyOf(whole, length);
            MalformedAlarmException e = assertThrows(
                    MalformedAlarmException.class, () -> MultipartReader.read(cut, "b"), "length " + length);
            assertEquals("truncated_multipart", e.error(), "length " + length);
        }
    }

    @Test
    void headerLineWithoutColonIsInvalid() {
        MalformedAlarmException e = assertThrows(
                MalformedAlarmException.class,
                () -> MultipartReader.read(Bytes.of("--b\r\nContent-Type application/json\r\n\r\n{}\r\n--b--"), "b"));

        assertEquals("invalid_multipart", e.error());
        assertEquals("part 1 has a header line without a name and ':' at byte 5", e.getMessage());
    }

    @Test
    void endlessHeadersAreInvalid() {
        byte[] body = Bytes.of("--b\r\n", "X-Pad: " + "a".repeat(MultipartReader.MAX_HEADER_BYTES), "\r\n\r\n--b--");

        MalformedAlarmException e = assertThrows(MalformedAlarmException.class, () -> MultipartReader.read(body, "b"));

        assertEquals("invalid_multipart", e.error());
        assertEquals("part 1 headers (from byte 5) exceed 8192 bytes", e.getMessage());
    }

    @Test
    void tooManyParts() {
        byte[] body = Bytes.of("--b\r\n\r\nx\r\n".repeat(MultipartReader.MAX_PARTS + 1), "--b--");

        MalformedAlarmException e = assertThrows(MalformedAlarmException.class, () -> MultipartReader.read(body, "b"));

        assertEquals("too_many_parts", e.error());
    }

    @Test
    void boundaryLongerThanRfcLimitIsInvalid() {
        MalformedAlarmException e =
                assertThrows(MalformedAlarmException.class, () -> MultipartReader.read(Bytes.of("--"), "b".repeat(71)));

        assertEquals("invalid_boundary", e.error());
        assertEquals("boundary is 71 characters long; at most 70 allowed", e.getMessage());
    }

    private static String content(byte[] body, Part part) {
        return new String(body, part.start(), part.length(), StandardCharsets.UTF_8);
    }
}
