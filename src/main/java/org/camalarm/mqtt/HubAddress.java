package org.camalarm.mqtt;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camalarm.http.HubEndpoints;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Where users reach this hub's web pages, for the links discovery gives each device: from the HTTP
 * runtime's endpoints ({@link HubEndpoints}: 8080 in the embedded hub, 8181 in Karaf), an IPv4
 * address preferred over a name, IPv6 and loopback; a wildcard address replaced by this machine's
 * LAN address. {@code hubUrl} in {@code camalarm.mqtt} overrides it (behind a proxy, a name, HTTPS).
 */
final class HubAddress {

    private HubAddress() {}

    /** {@code http://host:port} (no trailing slash) or {@code null} when the runtime names no endpoint. */
    static @Nullable String of(List<String> endpoints) {
        List<String> candidates = new ArrayList<>();
        for (String endpoint : endpoints) {
            try {
                URI uri = URI.create(endpoint);
                String host = uri.getHost();
                if (uri.getScheme() == null || host == null || uri.getPort() < 0) {
                    continue;
                }
                if (HubEndpoints.isWildcard(host)) {
                    List<String> lan = HubEndpoints.lanAddresses();
                    if (lan.isEmpty()) {
                        continue;
                    }
                    host = lan.get(0);
                }
                candidates.add(uri.getScheme() + "://" + host + ":" + uri.getPort());
            } catch (IllegalArgumentException e) {
                // not a URI: skip it
            }
        }
        return candidates.stream()
                .min(Comparator.comparingInt(HubAddress::rank))
                .orElse(null);
    }

    private static int rank(String url) {
        if (url.contains("://127.") || url.contains("://localhost") || url.contains("://[::1]")) {
            return 3;
        }
        if (url.contains("://[")) {
            return 2;
        }
        return url.matches("^\\w+://[0-9.]+:\\d+$") ? 0 : 1;
    }
}
