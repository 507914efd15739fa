package org.camalarm.alarm;

import java.util.List;
import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;

/**
 * One HTTP request as a camera sent it, detached from the servlet API so decoders are pure
 * functions over bytes.
 *
 * @param method        HTTP method, upper case
 * @param thingId       the thing id named in the path, or {@code null}
 * @param pathEventType the event type named in the path (fixed-path pushes), or {@code null}
 * @param contentType   the Content-Type header, or {@code null}
 * @param query         query parameters as sent (decoded), in order; never {@code null}
 * @param body          the request body; empty when there is none
 * @param remoteAddress the peer's IP address
 */
public record AlarmRequest(
        @Nullable String method,
        @Nullable String thingId,
        @Nullable String pathEventType,
        @Nullable String contentType,
        Map<String, List<String>> query,
        byte @Nullable [] body,
        String remoteAddress) {

    /** The first value of a query parameter, matched without regard to case, or {@code null}. */
    public @Nullable String queryParam(String name) {
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }
}
