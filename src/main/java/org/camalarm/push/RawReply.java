package org.camalarm.push;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A reply read off a socket ({@link RawHttpPusher}): with an HTTP head ({@code HTTP/1.x NNN ...},
 * headers, a body delimited by {@code Content-Length}, chunks, or the end of the connection), or
 * without one — then everything is the body and there is no status.
 *
 * @param status  the HTTP status, or {@code null} for a reply without a head
 * @param headers header values by lower-case name
 * @param body    the body as text (the Content-Type's charset, else UTF-8)
 */
record RawReply(@Nullable Integer status, Map<String, List<String>> headers, String body) {

    private static final String HTTP = "HTTP/";

    /** Whether the reply came with an HTTP head. */
    boolean hasHead() {
        return status != null;
    }

    /** The values of a header (lower-case name), possibly none. */
    List<String> header(String name) {
        return headers.getOrDefault(name, List.of());
    }

    /** Parses {@code bytes[0, length)}. Never throws: what is no HTTP head is a headless body. */
    static RawReply parse(byte[] bytes, int length) {
        int headEnd = headEnd(bytes, 0, length);
        if (!startsWith(bytes, length, HTTP) || headEnd < 0) {
            return new RawReply(null, Map.of(), new String(bytes, 0, length, StandardCharsets.UTF_8));
        }
        String[] lines = new String(bytes, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r?\n");
        String[] statusLine = lines[0].split(" +", 3);
        Integer status = null;
        if (statusLine.length >= 2 && statusLine[1].matches("\\d{3}")) {
            status = Integer.valueOf(statusLine[1]);
        }
        if (status == null) {
            return new RawReply(null, Map.of(), new String(bytes, 0, length, StandardCharsets.UTF_8));
        }
        Map<String, List<String>> headers = headers(lines);
        int bodyStart = bodyStart(bytes, headEnd);
        byte[] body = Arrays.copyOfRange(bytes, Math.min(bodyStart, length), length);
        List<String> encoding = headers.getOrDefault("transfer-encoding", List.of());
        if (encoding.stream().anyMatch(e -> e.toLowerCase(Locale.ROOT).contains("chunked"))) {
            body = dechunk(body);
        } else {
            long declared = contentLength(headers);
            if (declared >= 0 && declared < body.length) {
                body = Arrays.copyOf(body, (int) declared);
            }
        }
        return new RawReply(status, headers, new String(body, charset(headers)));
    }

    /**
     * Follows a reply while it arrives, to tell when it is whole without waiting for the device to
     * close: each read costs what it added (the head is searched once, its length read once; a
     * headless reply is judged by its tail), not a parse of everything read so far. Not thread-safe:
     * one per exchange.
     */
    static final class Progress {

        /** The end of a headless reply the family judges: its document's closing tag, with room for blanks. */
        static final int TAIL_BYTES = 256;

        private final HeadlessReplies family;
        /** The head's end was searched for in {@code [0, scanned)}. */
        private int scanned;
        /** Bytes of the whole reply by its {@code Content-Length}, once the head is read; -1 while unknown. */
        private long wanted = -1;

        private boolean headRead;

        Progress(HeadlessReplies family) {
            this.family = family;
        }

        /** Whether {@code bytes[0, length)} (the earlier bytes unchanged) is a whole reply by its own account. */
        boolean isWhole(byte[] bytes, int length) {
            if (length < HTTP.length()) {
                return false;
            }
            if (!startsWith(bytes, length, HTTP)) {
                int from = Math.max(0, length - TAIL_BYTES);
                return family.isWhole(new String(bytes, from, length - from, StandardCharsets.UTF_8));
            }
            if (!headRead) {
                int headEnd = headEnd(bytes, Math.max(0, scanned - 3), length);
                scanned = length;
                if (headEnd < 0) {
                    return false;
                }
                headRead = true;
                String[] lines = new String(bytes, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r?\n");
                long declared = contentLength(headers(lines));
                wanted = declared < 0 ? -1 : bodyStart(bytes, headEnd) + declared;
            }
            return wanted >= 0 && length >= wanted;
        }
    }

    /** Header values by lower-case name, from the head's lines after the status line. */
    private static Map<String, List<String>> headers(String[] lines) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
                List<String> values = headers.get(name);
                if (values == null) {
                    values = new ArrayList<>(1);
                    headers.put(name, values);
                }
                values.add(lines[i].substring(colon + 1).strip());
            }
        }
        return headers;
    }

    /** Index of the blank line that ends the head (at its first line break), searched from {@code from}, or -1. */
    private static int headEnd(byte[] bytes, int from, int length) {
        for (int i = from; i + 1 < length; i++) {
            if (bytes[i] == '\n'
                    && (bytes[i + 1] == '\n' || (bytes[i + 1] == '\r' && i + 2 < length && bytes[i + 2] == '\n'))) {
                return i;
            }
        }
        return -1;
    }

    private static int bodyStart(byte[] bytes, int headEnd) {
        return bytes[headEnd + 1] == '\n' ? headEnd + 2 : headEnd + 3;
    }

    private static long contentLength(Map<String, List<String>> headers) {
        List<String> values = headers.getOrDefault("content-length", List.of());
        try {
            return values.isEmpty() ? -1 : Long.parseLong(values.get(0));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The chunks' data; what cannot be read as chunks is kept as it is. */
    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
        int i = 0;
        while (i < body.length) {
            int lineEnd = i;
            while (lineEnd < body.length && body[lineEnd] != '\n') {
                lineEnd++;
            }
            String size = new String(body, i, lineEnd - i, StandardCharsets.ISO_8859_1).strip();
            int semicolon = size.indexOf(';');
            int n;
            try {
                n = Integer.parseInt(semicolon < 0 ? size : size.substring(0, semicolon), 16);
            } catch (NumberFormatException e) {
                return body;
            }
            if (n == 0) {
                break;
            }
            int start = lineEnd + 1;
            if (n < 0 || start + n > body.length) {
                out.write(body, Math.min(start, body.length), Math.max(0, body.length - start));
                break;
            }
            out.write(body, start, n);
            i = start + n;
            while (i < body.length && (body[i] == '\r' || body[i] == '\n')) {
                i++;
            }
        }
        return out.toByteArray();
    }

    private static Charset charset(Map<String, List<String>> headers) {
        List<String> types = headers.getOrDefault("content-type", List.of());
        if (!types.isEmpty()) {
            for (String parameter : types.get(0).split(";")) {
                String p = parameter.strip();
                if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    try {
                        return Charset.forName(p.substring(8).replace("\"", "").strip());
                    } catch (IllegalArgumentException e) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static boolean startsWith(byte[] bytes, int length, String prefix) {
        if (length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (bytes[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
