package org.camalarm.alarm;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.eclipse.jdt.annotation.Nullable;

/**
 * JPEG snapshots inside pushes: found in a part's bytes (from the JPEG signature {@code FF D8 FF}
 * on; bytes before it are dropped) or carried as base64 text in an XML element (TVT smart events).
 * Stateless, thread-safe.
 */
final class Snapshots {

    /** How far into decoded base64 data the JPEG signature is looked for. */
    private static final int MAX_LEADING_BYTES = 64;

    private Snapshots() {}

    /** Index of the first {@code FF D8 FF} (JPEG start of image and the next marker) in {@code [from, to)}, or -1. */
    static int jpegStart(byte[] body, int from, int to) {
        for (int i = from; i + 2 < to; i++) {
            if (body[i] == (byte) 0xFF && body[i + 1] == (byte) 0xD8 && body[i + 2] == (byte) 0xFF) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The JPEG in base64 text (line breaks and blanks allowed), or {@code null} when the text is
     * absent, is not base64, or decodes to something that is not a JPEG (a placeholder, say). The
     * text is bounded by the request body, so the bytes are too (three quarters of it).
     */
    static byte @Nullable [] fromBase64(@Nullable String base64) {
        return base64 == null ? null : fromBase64(base64.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** {@link #fromBase64(String)} of the text's bytes (US-ASCII, as base64 is). */
    static byte @Nullable [] fromBase64(byte[] base64) {
        if (base64.length == 0) {
            return null;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64); // one line, as TVT writes it: the fast decoder
        } catch (IllegalArgumentException oneLine) {
            try {
                decoded = Base64.getMimeDecoder().decode(base64); // with line breaks
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        int soi = jpegStart(decoded, 0, Math.min(decoded.length, MAX_LEADING_BYTES + 3));
        if (soi < 0) {
            return null;
        }
        return soi == 0 ? decoded : Arrays.copyOfRange(decoded, soi, decoded.length);
    }
}
