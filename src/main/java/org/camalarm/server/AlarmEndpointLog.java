package org.camalarm.server;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.runtime.HttpServiceRuntime;
import org.osgi.service.http.runtime.HttpServiceRuntimeConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says once, at start, where cameras push to and where the tokens are kept (never the tokens).
 * The address comes from the HTTP runtime itself ({@code osgi.http.endpoint}), so it is right in
 * the embedded hub (8080) as in Karaf or openHAB (8181).
 */
@Component(
        immediate = true,
        service = {})
public class AlarmEndpointLog {

    private static final Logger LOGGER = LoggerFactory.getLogger(AlarmEndpointLog.class);

    @Activate
    public AlarmEndpointLog(
            @Reference ServerSettings settings,
            @Reference(service = HttpServiceRuntime.class) Map<String, Object> runtime) {
        List<String> known = endpoints(runtime.get(HttpServiceRuntimeConstants.HTTP_SERVICE_ENDPOINT));
        known.sort(Comparator.comparingInt(AlarmEndpointLog::preference));
        String base = known.isEmpty() ? "http://<this host>/" : known.get(0);
        LOGGER.info(
                "Alarm server ready: cameras push to {}camalarm/alarm/<alarmToken>[/<thingId>]; REST API at"
                        + " {}camalarm/api/ (Bearer <apiToken>); tokens are kept in {}",
                base,
                base,
                settings.tokensFile());
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
