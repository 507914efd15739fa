package org.camalarm.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Bodies as the lenient port's senders delimit them. With a {@code Content-Length}, that many bytes.
 * Without one — TVT's legacy alarm server posts {@code /SendAlarmStatus} with none, and sends its
 * heartbeat as bare XML with no request line at all — the body is what arrives until the sender
 * closes its side, until the XML document's root element is closed (such cameras may wait for
 * our answer before they close), or until {@value #IDLE_MS} ms pass without a byte; the
 * connection's deadline bounds all of it. Never more than the body limit.
 */
final class LenientBodies {

    /** Silence that ends a body sent without a length. */
    static final int IDLE_MS = 2000;
    /** The end of a document is looked for in this many last bytes. */
    private static final int TAIL = 256;

    private LenientBodies() {}

    /** Exactly {@code length} bytes; throws when the sender stops short. */
    static byte[] read(InputStream in, long length) throws IOException {
        byte[] body = length > 0 ? in.readNBytes((int) length) : new byte[0];
        if (body.length < length) {
            throw new IOException("body ended after " + body.length + " of " + length + " bytes");
        }
        return body;
    }

    /**
     * A body without a length, as described above.
     *
     * @return the bytes, or {@code null} when they exceed {@code max}
     */
    static byte @Nullable [] readToEnd(InputStream in, Socket socket, long max) throws IOException {
        int readTimeout = socket.getSoTimeout();
        socket.setSoTimeout(IDLE_MS);
        try {
            byte[] body = new byte[1024];
            int length = 0;
            String root = null;
            while (true) {
                if (length == body.length) {
                    body = Arrays.copyOf(body, (int) Math.min(Integer.MAX_VALUE - 16, body.length * 2L));
                }
                int n;
                try {
                    n = in.read(body, length, body.length - length);
                } catch (SocketTimeoutException e) {
                    break; // the sender said all it had to say
                }
                if (n < 0) {
                    break;
                }
                length += n;
                if (length > max) {
                    return null;
                }
                if (root == null) {
                    root = rootName(body, length);
                }
                if (root != null && endsWithClosing(body, length, root)) {
                    break;
                }
            }
            return Arrays.copyOf(body, length);
        } finally {
            socket.setSoTimeout(readTimeout);
        }
    }

    /**
     * The name of the root element once its start tag has arrived (after blanks, an XML
     * declaration, comments); {@code null} while it has not, or when the bytes are no XML.
     */
    static @Nullable String rootName(byte[] body, int length) {
        int i = 0;
        while (true) {
            while (i < length && isBlank(body[i])) {
                i++;
            }
            if (i + 1 >= length || body[i] != '<') {
                return null;
            }
            if (body[i + 1] == '?' || body[i + 1] == '!') { // declaration or comment: skip to its '>'
                int close = indexOf(body, (byte) '>', i, length);
                if (close < 0) {
                    return null;
                }
                i = close + 1;
                continue;
            }
            int start = i + 1;
            int end = start;
            while (end < length && !isBlank(body[end]) && body[end] != '>' && body[end] != '/') {
                end++;
            }
            return end == length || end == start
                    ? null
                    : new String(body, start, end - start, StandardCharsets.ISO_8859_1);
        }
    }

    /** Whether the bytes end, blanks aside, with {@code </root>}. */
    static boolean endsWithClosing(byte[] body, int length, String root) {
        int end = length;
        while (end > 0 && isBlank(body[end - 1])) {
            end--;
        }
        byte[] closing = ("</" + root + ">").getBytes(StandardCharsets.ISO_8859_1);
        if (closing.length > TAIL || end < closing.length) {
            return false;
        }
        for (int i = 0; i < closing.length; i++) {
            if (body[end - closing.length + i] != closing[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] body, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (body[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }
}
