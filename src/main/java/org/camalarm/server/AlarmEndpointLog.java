package org.camalarm.server;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.runtime.HttpServiceRuntime;
import org.osgi.service.http.runtime.HttpServiceRuntimeConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says where cameras push to and where the tokens are kept (never the tokens), once the HTTP
 * runtime says its address ({@code osgi.http.endpoint}): 8080 in the embedded hub, 8181 in Karaf or
 * openHAB. Pax Web registers its runtime with the endpoint {@code /} and publishes the real address
 * later, so the line is written when an absolute address first appears, and again if it changes
 * (Pax Web also updates the runtime on every servlet change: those say nothing new).
 */
@Component(
        immediate = true,
        service = {})
public class AlarmEndpointLog {

    private static final Logger LOGGER = LoggerFactory.getLogger(AlarmEndpointLog.class);
    private final ServerSettings settings;
    /** The line's addresses as last written, so a runtime update that changes nothing writes nothing. */
    private @Nullable String logged;

    @Activate
    public AlarmEndpointLog(@Reference ServerSettings settings) {
        this.settings = settings;
    }

    @Reference(service = HttpServiceRuntime.class, updated = "runtimeUpdated", unbind = "runtimeGone")
    void runtimeBound(Map<String, Object> runtime) {
        runtimeUpdated(runtime);
    }

    void runtimeUpdated(Map<String, Object> runtime) {
        String line = lineFor(runtime);
        if (line != null) {
            LOGGER.info("{}", line);
        }
    }

    /** The start line for the runtime's current endpoints, or {@code null} when there is nothing new to say. */
    @Nullable
    String lineFor(Map<String, Object> runtime) {
        List<String> known = endpoints(runtime.get(HttpServiceRuntimeConstants.HTTP_SERVICE_ENDPOINT));
        Optional<String> http = best(known, "http://");
        Optional<String> https = best(known, "https://");
        if (http.isEmpty() && https.isEmpty()) {
            return null; // "/" or nothing yet: the runtime publishes its address in an update
        }
        String base = http.isPresent() ? http.get() : https.get();
        String secure = http.isPresent() && https.isPresent() ? " (HTTPS: " + https.get() + "camalarm/alarm/...)" : "";
        synchronized (this) {
            if ((base + secure).equals(logged)) {
                return null;
            }
            logged = base + secure;
        }
        return "Alarm server ready: cameras push to " + base + "camalarm/alarm/<alarmToken>[/<thingId>]" + secure
                + "; web UI at " + base + "camalarm/ (user admin, the uiPassword); REST API at " + base
                + "camalarm/api/ (Bearer <apiToken>); tokens are kept in " + settings.tokensFile();
    }

    void runtimeGone(Map<String, Object> runtime) {
        synchronized (this) {
            logged = null; // a runtime that comes back says its address again
        }
    }

    private static Optional<String> best(List<String> endpoints, String scheme) {
        return endpoints.stream()
                .filter(e -> e.startsWith(scheme))
                .min(Comparator.comparingInt(AlarmEndpointLog::preference));
    }

    /** What a camera on the LAN would be given first: an IPv4 address, then a name, then IPv6, loopback last. */
    static int preference(String endpoint) {
        if (endpoint.contains("://127.") || endpoint.contains("://[::1]") || endpoint.contains("://localhost")) {
            return 3;
        }
        if (endpoint.contains("://[")) {
            return 2;
        }
        return endpoint.matches("^\\w+://[0-9.]+[:/].*") || endpoint.contains("<this host>") ? 0 : 1;
    }

    /** The runtime's endpoints, a wildcard address shown as {@code <this host>}. */
    static List<String> endpoints(@Nullable Object property) {
        List<String> endpoints = new ArrayList<>();
        if (property instanceof String s) {
            endpoints.add(s);
        } else if (property instanceof String[] array) {
            endpoints.addAll(List.of(array));
        } else if (property instanceof Collection<?> collection) {
            collection.forEach(e -> endpoints.add(String.valueOf(e)));
        }
        endpoints.replaceAll(e -> (e.endsWith("/") ? e : e + "/")
                .replace("://0.0.0.0:", "://<this host>:")
                .replace("://[::]:", "://<this host>:"));
        return endpoints;
    }
}
