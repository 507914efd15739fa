package org.camalarm.alarm;

import org.eclipse.jdt.annotation.Nullable;

/**
 * One HTTP request as a camera sent it, detached from the servlet API so decoders are pure
 * functions over bytes.
 *
 * @param method        HTTP method, upper case
 * @param thingId       the thing id named in the path, or {@code null}
 * @param pathEventType the event type named in the path (fixed-path pushes), or {@code null}
 * @param contentType   the Content-Type header, or {@code null}
 * @param query         the query string as sent, without {@code ?} and not decoded, or {@code null}
 * @param body          the request body; empty or {@code null} when there is none
 * @param remoteAddress the peer's IP address
 */
public record AlarmRequest(
        @Nullable String method,
        @Nullable String thingId,
        @Nullable String pathEventType,
        @Nullable String contentType,
        @Nullable String query,
        byte @Nullable [] body,
        String remoteAddress) {}
