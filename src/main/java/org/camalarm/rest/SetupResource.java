package org.camalarm.rest;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.camalarm.config.ConfigReader;
import org.camalarm.http.HttpAnswers;
import org.camalarm.http.HubEndpoints;
import org.camalarm.server.ServerConfig;
import org.camalarm.server.ServerSettings;
import org.camalarm.thing.ThingUID;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.cm.Configuration;

/**
 * {@code GET setup?thing=<id>[&reveal=true]}: what to type into a camera so that it pushes to this
 * hub: the hub's LAN addresses (from the HTTP runtime's endpoints, the wildcard address resolved to
 * this machine's site-local IPv4 addresses, loopback last), the HTTP port, the lenient port, and the
 * alarm path. The alarm token is in the path only when {@code reveal=true} asks for it; otherwise the
 * path reads {@code <alarmToken>}.
 */
final class SetupResource {

    private final ServerSettings settings;
    private final ConfigStore store;
    private final ConfigReader configs;
    private final HubEndpoints hub;

    SetupResource(ServerSettings settings, ConfigStore store, ConfigReader configs, HubEndpoints hub) {
        this.settings = settings;
        this.store = store;
        this.configs = configs;
        this.hub = hub;
    }

    /** A thing id such as {@code frontdoor}, or a thing UID such as {@code camalarm:vigi:frontdoor}. */
    private static @Nullable String thingId(@Nullable String thing) {
        if (thing == null || ThingUID.isValidSegment(thing)) {
            return thing;
        }
        try {
            return ThingUID.parse(thing).thingId();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("thing must be a thing id such as frontdoor, or its UID");
        }
    }

    void get(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String thing = thingId(request.getParameter("thing"));
        boolean reveal = "true".equals(request.getParameter("reveal"));
        int port = request.getLocalPort();
        Set<String> hosts = new LinkedHashSet<>();
        String browserHost = request.getServerName();
        if (browserHost != null && !HubEndpoints.isLoopback(browserHost)) {
            hosts.add(browserHost);
        }
        List<String> loopback = new ArrayList<>();
        int httpsPort = request.isSecure() ? request.getLocalPort() : 0;
        for (String endpoint : hub.endpoints()) {
            try {
                URI uri = URI.create(endpoint);
                String host = uri.getHost();
                if (uri.getPort() > 0 && "http".equals(uri.getScheme())) {
                    port = uri.getPort();
                }
                if (uri.getPort() > 0 && "https".equals(uri.getScheme())) {
                    httpsPort = uri.getPort();
                }
                if (host == null || HubEndpoints.isWildcard(host)) {
                    hosts.addAll(HubEndpoints.siteLocalAddresses());
                } else if (HubEndpoints.isLoopback(host)) {
                    loopback.add(host);
                } else {
                    hosts.add(host);
                }
            } catch (IllegalArgumentException e) {
                // an endpoint the runtime wrote oddly: the others still help
            }
        }
        hosts = ordered(browserHost, hosts);
        hosts.addAll(loopback);
        if (hosts.isEmpty() && browserHost != null) {
            hosts.add(browserHost);
        }
        JsonObject json = new JsonObject();
        JsonArray hostList = new JsonArray();
        hosts.forEach(hostList::add);
        json.add("hosts", hostList);
        json.addProperty("port", port);
        if (httpsPort > 0) { // where a camera with a username and password pushes (credentials over HTTPS only)
            json.addProperty("httpsPort", httpsPort);
        }
        ServerConfig server = serverConfig();
        json.addProperty("lenientPort", server.lenientPort());
        json.addProperty("udpPort", server.udpPort());
        String token = reveal ? settings.alarmToken() : "<alarmToken>";
        json.addProperty("alarmPath", "/camalarm/alarm/" + token + (thing == null ? "" : "/" + thing));
        json.addProperty("revealed", reveal);
        HttpAnswers.json(response, 200, json.toString());
    }

    /** The alarm server's configuration as stored now (the ports a camera can be pointed at). */
    private ServerConfig serverConfig() throws IOException {
        Configuration[] found;
        try {
            found = store.admin().listConfigurations("(service.pid=camalarm.server)");
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException("a fixed filter is valid", e);
        }
        java.util.Dictionary<String, Object> stored =
                found == null || found.length == 0 ? null : found[0].getProperties();
        Map<String, Object> properties = stored == null ? Map.of() : ConfigStore.map(stored);
        return configs.read(ServerConfig.class, "camalarm.server", properties).values();
    }

    /** The hosts to offer, best first (see {@link #rank}), each as a camera can take it. */
    static Set<String> ordered(@Nullable String browserHost, Set<String> hosts) {
        List<String> ranked = new ArrayList<>(hosts);
        ranked.sort(Comparator.comparingInt(host -> host.equals(browserHost) ? -1 : rank(host)));
        Set<String> usable = new LinkedHashSet<>();
        for (String host : ranked) {
            String bare = withoutZone(host);
            if (bare != null) {
                usable.add(compressed(bare));
            }
        }
        return usable;
    }

    /**
     * Which host a camera should be given first, after the browser's own (it reached the hub): IPv4,
     * which every camera's form takes, then IPv6. A name sorts with IPv4.
     */
    private static int rank(String host) {
        return host.startsWith("[") || host.indexOf(':') >= 0 ? 1 : 0;
    }

    /**
     * An IPv6 address in its short form ({@code [fd00::2]}, RFC 5952), as a user types it; Jetty
     * writes its endpoints in full ({@code [fd00:0:0:0:0:0:0:2]}). Anything else as it is.
     */
    static String compressed(String host) {
        if (!host.startsWith("[") || !host.endsWith("]")) {
            return host;
        }
        String[] groups = host.substring(1, host.length() - 1).split(":", -1);
        if (groups.length != 8) {
            return host; // already short, or a form this does not read
        }
        int bestStart = -1;
        int bestLength = 1; // a single zero group stays "0"
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j].matches("0+")) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 1 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(groups[i].replaceFirst("^0+(?=.)", "").toLowerCase(java.util.Locale.ROOT));
        }
        return out.append(']').toString();
    }

    /**
     * An IPv6 address as a camera can take it: without the zone ({@code %eth0}, meaningful only on
     * this machine); {@code null} for a link-local one, which needs its zone.
     */
    private static @Nullable String withoutZone(String host) {
        int zone = host.indexOf('%');
        if (zone < 0) {
            return host;
        }
        String bare = host.substring(0, zone) + (host.endsWith("]") ? "]" : "");
        return bare.toLowerCase(java.util.Locale.ROOT).matches("\\[?fe[89ab].*") ? null : bare;
    }
}
