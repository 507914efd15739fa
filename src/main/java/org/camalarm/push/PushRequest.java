package org.camalarm.push;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.eclipse.jdt.annotation.Nullable;

/**
 * One push as it goes on the wire: where, which method, which path and query, which body.
 * Immutable.
 *
 * @param protocol     HTTP, HTTPS or UDP
 * @param host         name or IP address (IPv6 without brackets)
 * @param port         the port; 0 is replaced by the protocol's default (UDP has none)
 * @param method       the HTTP method, upper-cased ({@code GET}, {@code POST}, ...); unused for UDP
 * @param pathAndQuery the path and query, always starting with {@code /} (added when missing, as
 *                     the iVSEC "API Command" is typed without it). Kept as typed; characters not
 *                     allowed in a URI are percent-encoded only on the wire, see
 *                     {@link #requestTarget()}
 * @param body         the request body, or {@code null} for none
 * @param contentType  the body's media type, or {@code null} (then {@code text/plain; charset=utf-8}
 *                     is sent with a body)
 */
public record PushRequest(
        Protocol protocol,
        String host,
        int port,
        String method,
        String pathAndQuery,
        @Nullable String body,
        @Nullable String contentType) {

    private static final String URI_SAFE = "-._~:/?[]@!$&'()*+,;=";

    public PushRequest {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathAndQuery, "pathAndQuery");
        if (port == 0) {
            port = protocol.defaultPort();
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1-65535 for " + protocol + ", got " + port);
        }
        method = method.strip().toUpperCase(java.util.Locale.ROOT);
        if (!method.matches("[A-Z][A-Z-]*")) {
            throw new IllegalArgumentException("method must be a word such as GET or POST, got '" + method + "'");
        }
        pathAndQuery = pathAndQuery.strip();
        if (!pathAndQuery.startsWith("/")) {
            pathAndQuery = "/" + pathAndQuery;
        }
        if (contentType != null && contentType.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("contentType must not contain control characters");
        }
    }

    /** A body-less request to the device the settings describe. */
    public static PushRequest of(DeviceSettings device, String method, String pathAndQuery) {
        return new PushRequest(
                device.protocol(), device.host(), device.effectivePort(), method, pathAndQuery, null, null);
    }

    /** This request with a body ({@code null} for none) and its media type ({@code null} for the default). */
    public PushRequest withBody(@Nullable String newBody, @Nullable String newContentType) {
        return new PushRequest(protocol, host, port, method, pathAndQuery, newBody, newContentType);
    }

    /**
     * The request target sent in the request line (and used as the Digest {@code uri}):
     * {@link #pathAndQuery()} with spaces, non-ASCII and other characters a URI cannot carry
     * percent-encoded as UTF-8, a {@code %} not followed by two hex digits encoded as {@code %25},
     * and {@code #} encoded (a fragment means nothing to a device).
     */
    public String requestTarget() {
        StringBuilder out = new StringBuilder(pathAndQuery.length() + 8);
        String text = pathAndQuery;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                out.append(c);
            } else if (c < 0x80 && (Character.isLetterOrDigit(c) || URI_SAFE.indexOf(c) >= 0) && c != '[' && c != ']') {
                out.append(c);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
                for (byte b : text.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%')
                            .append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
                }
                i = end - 1;
            }
        }
        return out.toString();
    }

    /** The HTTP(S) URI of this request. */
    URI uri() {
        String scheme = protocol == Protocol.HTTPS ? "https" : "http";
        String authority = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return URI.create(scheme + "://" + authority + ":" + port + requestTarget());
    }

    /**
     * The UDP datagram: the body when there is one, otherwise the path and query without its
     * leading {@code /}, as UTF-8. The iVSEC camera's datagram format is undocumented; the guess
     * is that it sends the API Command text.
     */
    byte[] datagram() {
        String given = body;
        String text = given != null ? given : pathAndQuery.substring(1);
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code host:port}, IPv6 in brackets, for detail sentences. */
    String address() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 0x80;
    }
}
