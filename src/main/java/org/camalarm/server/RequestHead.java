package org.camalarm.server;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The head of an HTTP/1.x request, read the way cameras write it rather than the way RFC 9112
 * wants it: the request target is everything between the method and a trailing {@code HTTP/x.y},
 * spaces included ({@code GET /a?EventTime=2022-5-26 11:5:0&x=1 HTTP/1.1}). Header lines may end
 * in LF alone. Only what the alarm endpoint needs is kept.
 *
 * @param contentLength the declared body length, -1 when none
 * @param chunked       whether the body is sent chunked (which this reader does not take)
 * @param authorization the {@code Authorization} header, or {@code null}
 */
record RequestHead(
        String method,
        String path,
        @Nullable String query,
        @Nullable String contentType,
        long contentLength,
        boolean chunked,
        @Nullable String authorization) {

    private static final Pattern REQUEST_LINE = Pattern.compile("([A-Za-z]+) +(.+?)(?: +HTTP/\\d(?:\\.\\d)?)? *");

    /**
     * Parses a head (everything before the blank line).
     *
     * @throws IllegalArgumentException with a short reason when it is not an HTTP request head
     */
    static RequestHead parse(byte[] head, int length) {
        String text = new String(head, 0, length, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r?\n");
        Matcher line = REQUEST_LINE.matcher(lines[0]);
        if (!line.matches()) {
            throw new IllegalArgumentException("not an HTTP request line");
        }
        String target = line.group(2);
        if (target.startsWith("http://") || target.startsWith("https://")) {
            int slash = target.indexOf('/', target.indexOf("//") + 2);
            target = slash < 0 ? "/" : target.substring(slash);
        }
        int question = target.indexOf('?');
        @Nullable String contentType = null;
        long contentLength = -1;
        boolean chunked = false;
        @Nullable String authorization = null;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            switch (name) {
                case "content-type" -> contentType = value;
                case "content-length" -> {
                    long declared = contentLength(value);
                    if (contentLength >= 0 && declared != contentLength) { // RFC 9112 §6.3: unrecoverable
                        throw new IllegalArgumentException(
                                "conflicting Content-Length headers: " + contentLength + " and " + declared);
                    }
                    contentLength = declared;
                }
                case "transfer-encoding" ->
                    chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "authorization" -> authorization = value;
                default -> {
                    // not needed by the alarm endpoint
                }
            }
        }
        return new RequestHead(
                line.group(1).toUpperCase(Locale.ROOT),
                question < 0 ? target : target.substring(0, question),
                question < 0 ? null : target.substring(question + 1),
                contentType,
                contentLength,
                chunked,
                authorization);
    }

    private static long contentLength(String value) {
        try {
            long length = Long.parseLong(value);
            if (length >= 0) {
                return length;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("bad Content-Length");
    }
}
