package org.camalarm.alarm;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The base64 pictures of a TVT smart event ({@code sourceBase64Data}, {@code targetBase64Data}),
 * cut out of the document before it is parsed: the JDK's DOM parser spends about ten times longer
 * on a picture's text than decoding the base64 takes, so the parser gets the document with those
 * elements emptied and the pictures are decoded straight from the request's bytes
 * (docs/devices.md, "Measured"). Found by their tags, outside of the parser: a document that hides
 * them elsewhere only loses its picture, never its events. Overview pictures come before target crops.
 *
 * @param document the bytes to parse: the request's from its first significant byte, pictures emptied
 * @param pictures the picture texts (CDATA markers removed), overviews first, in document order
 */
record Base64Pictures(byte[] document, List<byte[]> pictures) {

    private static final byte[][] TAGS = {
        "sourceBase64Data".getBytes(StandardCharsets.US_ASCII), "targetBase64Data".getBytes(StandardCharsets.US_ASCII)
    };
    private static final byte[] CDATA_START = "<![CDATA[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CDATA_END = "]]>".getBytes(StandardCharsets.US_ASCII);

    /** The document from {@code from}, with its pictures cut out when it has any. One pass over the bytes. */
    static Base64Pictures cut(byte[] body, int from) {
        byte[] document = null;
        int length = 0;
        int copied = from;
        List<byte[]> sources = new ArrayList<>();
        List<byte[]> targets = new ArrayList<>();
        for (int i = from; i < body.length; i++) {
            if (body[i] != '<') {
                continue;
            }
            int tag = tagAt(body, i + 1);
            if (tag < 0) {
                continue;
            }
            int startEnd = next(body, (byte) '>', i + 1 + TAGS[tag].length);
            if (startEnd < 0 || body[startEnd - 1] == '/') {
                continue; // cut short, or an empty element
            }
            int close = closeAt(body, startEnd + 1, tag);
            if (close < 0) {
                break; // no end: the parser will say what is wrong
            }
            if (document == null) {
                document = new byte[body.length - from];
            }
            System.arraycopy(body, copied, document, length, startEnd + 1 - copied);
            length += startEnd + 1 - copied;
            copied = close;
            (tag == 0 ? sources : targets).add(text(body, startEnd + 1, close));
            i = close;
        }
        if (document == null) {
            return new Base64Pictures(Arrays.copyOfRange(body, from, body.length), List.of());
        }
        System.arraycopy(body, copied, document, length, body.length - copied);
        length += body.length - copied;
        sources.addAll(targets);
        return new Base64Pictures(Arrays.copyOf(document, length), sources);
    }

    /** Which tag's name starts at {@code at} and ends there (blank, {@code >} or {@code /} after it), or -1. */
    private static int tagAt(byte[] body, int at) {
        for (int tag = 0; tag < TAGS.length; tag++) {
            int end = at + TAGS[tag].length;
            if (end < body.length && startsWith(body, at, end, TAGS[tag]) && isNameEnd(body[end])) {
                return tag;
            }
        }
        return -1;
    }

    /** Index of the {@code </tag>} at or after {@code from} (base64 has no {@code <}: a tight search), or -1. */
    private static int closeAt(byte[] body, int from, int tag) {
        for (int i = next(body, (byte) '<', from); i >= 0; i = next(body, (byte) '<', i + 1)) {
            int name = i + 2;
            int end = name + TAGS[tag].length;
            if (end < body.length && body[i + 1] == '/' && startsWith(body, name, end, TAGS[tag]) && body[end] == '>') {
                return i;
            }
        }
        return -1;
    }

    private static int next(byte[] body, byte b, int from) {
        for (int i = from; i < body.length; i++) {
            if (body[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** The first picture that is a JPEG, decoded; {@code null} when none is. */
    byte @Nullable [] firstJpeg() {
        for (byte[] picture : pictures) {
            byte[] jpeg = Snapshots.fromBase64(picture);
            if (jpeg != null) {
                return jpeg;
            }
        }
        return null;
    }

    /** The content without blanks around it and without a CDATA wrapper. */
    private static byte[] text(byte[] body, int from, int to) {
        while (from < to && isBlank(body[from])) {
            from++;
        }
        while (to > from && isBlank(body[to - 1])) {
            to--;
        }
        if (startsWith(body, from, to, CDATA_START)
                && to - from >= CDATA_START.length + CDATA_END.length
                && startsWith(body, to - CDATA_END.length, to, CDATA_END)) {
            from += CDATA_START.length;
            to -= CDATA_END.length;
        }
        return Arrays.copyOfRange(body, from, to);
    }

    private static boolean isNameEnd(byte b) {
        return b == '>' || b == '/' || isBlank(b);
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    private static boolean startsWith(byte[] body, int from, int to, byte[] prefix) {
        if (to - from < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (body[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
