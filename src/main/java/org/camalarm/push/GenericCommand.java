package org.camalarm.push;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A user-defined command for a generic HTTP device, as typed in one line:
 * {@code <METHOD> <path with query>}, e.g. {@code POST relay/0?turn=on} (the iVSEC "Method" and
 * "API Command" fields in one). The leading {@code /} is optional; a trailing {@code HTTP/1.1}
 * (a copied request line) is dropped. For UDP devices the method is ignored and the path text
 * is the datagram.
 *
 * @param method       {@code GET}, {@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE} or {@code HEAD}
 * @param pathAndQuery the path and query, starting with {@code /}
 * @param body         the body to send, or {@code null}
 * @param contentType  the body's media type, or {@code null} for {@code text/plain; charset=utf-8}
 */
public record GenericCommand(
        String method,
        String pathAndQuery,
        @Nullable String body,
        @Nullable String contentType) {

    /** The methods a command line may name. */
    public static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD");

    private static final Pattern LINE = Pattern.compile("(\\S+)(?:\\s+(.*?))?(?:\\s+HTTP/\\d(?:\\.\\d)?)?");

    public GenericCommand {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathAndQuery, "pathAndQuery");
        method = method.strip().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException(
                    "unknown method '" + method + "'; use one of GET, POST, PUT, PATCH, " + "DELETE, HEAD");
        }
        pathAndQuery = pathAndQuery.strip();
        if (pathAndQuery.isEmpty()) {
            throw new IllegalArgumentException("missing path after " + method);
        }
        if (!pathAndQuery.startsWith("/")) {
            pathAndQuery = "/" + pathAndQuery;
        }
    }

    /**
     * Reads a command line without body.
     *
     * @throws IllegalArgumentException naming what is wrong: an empty line, an unknown method, a
     *                                  missing path, or a full URL instead of a path
     */
    public static GenericCommand parse(@Nullable String line) {
        if (line == null || line.isBlank()) {
            throw new IllegalArgumentException(
                    "empty command; expected '<METHOD> <path>', e.g. 'POST relay/0?turn=on'");
        }
        Matcher matcher = LINE.matcher(line.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("cannot read command '" + line.strip()
                    + "'; expected '<METHOD> <path>', e.g. 'POST relay/0?turn=on'");
        }
        String method = matcher.group(1).toUpperCase(Locale.ROOT);
        String path = matcher.group(2) == null ? "" : matcher.group(2).strip();
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("unknown method '" + matcher.group(1) + "' in command '" + line.strip()
                    + "'; start with one of GET, POST, PUT, PATCH, DELETE, HEAD, e.g. 'POST relay/0?turn=on'");
        }
        if (path.isEmpty()) {
            throw new IllegalArgumentException("missing path in command '" + line.strip() + "'; expected '" + method
                    + " <path>', e.g. '" + method + " relay/0?turn=on'");
        }
        if (path.matches("(?i)[a-z][a-z0-9+.-]*://.*")) {
            throw new IllegalArgumentException("command '" + line.strip() + "' has a full URL; give only the path and "
                    + "query, the address comes from the device settings");
        }
        return new GenericCommand(method, path, null, null);
    }

    /** This command with a body ({@code null} for none) and its media type ({@code null} for the default). */
    public GenericCommand withBody(@Nullable String newBody, @Nullable String newContentType) {
        return new GenericCommand(method, pathAndQuery, newBody, newContentType);
    }

    /** The request to the device the settings describe. */
    public PushRequest toRequest(DeviceSettings device) {
        return PushRequest.of(device, method, pathAndQuery).withBody(body, contentType);
    }

    /** The command line form, {@code POST /relay/0?turn=on}. */
    public String line() {
        return method + " " + pathAndQuery;
    }
}
