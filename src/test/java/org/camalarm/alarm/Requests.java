package org.camalarm.alarm;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Builds {@link AlarmRequest}s as the servlet would. */
final class Requests {

    private String method = "POST";
    private String thingId;
    private String pathEventType;
    private String contentType;
    private final StringBuilder query = new StringBuilder();
    private byte[] body = new byte[0];

    static Requests post() {
        return new Requests();
    }

    static Requests get() {
        return new Requests().method("GET");
    }

    Requests method(String method) {
        this.method = method;
        return this;
    }

    Requests thing(String thingId) {
        this.thingId = thingId;
        return this;
    }

    Requests pathType(String pathEventType) {
        this.pathEventType = pathEventType;
        return this;
    }

    Requests contentType(String contentType) {
        this.contentType = contentType;
        return this;
    }

    /** A query parameter, percent-encoded as a browser would (the servlet hands the query over raw). */
    Requests param(String name, String value) {
        query.append(query.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        return this;
    }

    /** The query exactly as given (raw spaces, stray percent signs: as cameras write it). */
    Requests rawQuery(String raw) {
        query.setLength(0);
        query.append(raw);
        return this;
    }

    Requests body(String body) {
        this.body = body.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    Requests body(byte[] body) {
        this.body = body;
        return this;
    }

    AlarmRequest build() {
        return new AlarmRequest(
                method,
                thingId,
                pathEventType,
                contentType,
                query.length() == 0 ? null : query.toString(),
                body,
                "192.0.2.7");
    }

    Alarm decode() throws MalformedAlarmException {
        return new AlarmDecoder().decode(build());
    }

    /** Decoded with times that carry their instant given in {@code zone}. */
    Alarm decodeIn(java.time.ZoneId zone) throws MalformedAlarmException {
        return new AlarmDecoder(zone).decode(build());
    }
}
