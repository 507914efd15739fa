package org.camalarm.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.camalarm.http.HubEndpoints;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says where cameras push to and where the tokens are kept (never the tokens), once the HTTP
 * runtime says its address ({@link HubEndpoints}): the line is written when an absolute address
 * first appears (Pax Web publishes it after registering), and again if it changes.
 */
@Component(
        immediate = true,
        service = {})
public class AlarmEndpointLog {

    private static final Logger LOGGER = LoggerFactory.getLogger(AlarmEndpointLog.class);
    private final ServerSettings settings;
    private final HubEndpoints hub;
    private final Runnable onChange = this::endpointsChanged;
    /** The line's addresses as last written, so a runtime update that changes nothing writes nothing. */
    private @Nullable String logged;

    @Activate
    public AlarmEndpointLog(@Reference ServerSettings settings, @Reference HubEndpoints hub) {
        this.settings = settings;
        this.hub = hub;
        hub.onChange(onChange);
        endpointsChanged();
    }

    @Deactivate
    void deactivate() {
        hub.removeOnChange(onChange);
    }

    private void endpointsChanged() {
        String line = lineFor(hub.endpoints());
        if (line != null) {
            LOGGER.info("{}", line);
        }
    }

    /** The start line for the runtime's current endpoints, or {@code null} when there is nothing new to say. */
    @Nullable
    String lineFor(List<String> endpoints) {
        List<String> known = shown(endpoints);
        Optional<String> http = best(known, "http://");
        Optional<String> https = best(known, "https://");
        if (http.isEmpty() && https.isEmpty()) {
            synchronized (this) {
                logged = null; // "/" or no runtime: one that comes back says its address again
            }
            return null;
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

    /** The endpoints as the line shows them: with a trailing slash, a wildcard address as {@code <this host>}. */
    static List<String> shown(List<String> endpoints) {
        List<String> shown = new ArrayList<>();
        for (String endpoint : endpoints) {
            shown.add((endpoint.endsWith("/") ? endpoint : endpoint + "/")
                    .replace("://0.0.0.0:", "://<this host>:")
                    .replace("://[::]:", "://<this host>:"));
        }
        return shown;
    }
}
