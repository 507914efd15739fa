package org.camalarm.alarm;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds {@link AlarmRequest}s as the servlet would. */
final class Requests {

    private String method = "POST";
    private String thingId;
    private String pathEventType;
    private String contentType;
    private final Map<String, List<String>> query = new LinkedHashMap<>();
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

    /** A decoded query parameter, as the servlet hands them over. */
    Requests param(String name, String value) {
        query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
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
        return new AlarmRequest(method, thingId, pathEventType, contentType, query, body, "192.0.2.7");
    }

    Alarm decode() throws MalformedAlarmException {
        return new AlarmDecoder().decode(build());
    }
}
