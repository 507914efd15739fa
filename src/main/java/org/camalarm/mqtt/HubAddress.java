package org.camalarm.mqtt;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Where users reach this hub's web pages, for the links discovery gives each device: from the HTTP
 * runtime's {@code osgi.http.endpoint} (8080 in the embedded hub, 8181 in Karaf), an IPv4 address
 * preferred over a name, IPv6 and loopback; a wildcard address replaced by this machine's LAN
 * address. {@code hubUrl} in {@code camalarm.mqtt} overrides it (behind a proxy, a name, HTTPS).
 */
final class HubAddress {

    private HubAddress() {}

    /** {@code http://host:port} (no trailing slash) or {@code null} when the runtime names no endpoint. */
    static @Nullable String of(@Nullable Object endpointProperty) {
        List<String> candidates = new ArrayList<>();
        for (String endpoint : endpoints(endpointProperty)) {
            try {
                URI uri = URI.create(endpoint);
                String host = uri.getHost();
                if (uri.getScheme() == null || host == null || uri.getPort() < 0) {
                    continue;
                }
                if ("0.0.0.0".equals(host) || "[::]".equals(host) || "::".equals(host)) {
                    String lan = lanAddress();
                    if (lan == null) {
                        continue;
                    }
                    host = lan;
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

    private static List<String> endpoints(@Nullable Object property) {
        List<String> endpoints = new ArrayList<>();
        if (property instanceof String s) {
            endpoints.add(s);
        } else if (property instanceof String[] array) {
            endpoints.addAll(List.of(array));
        } else if (property instanceof Collection<?> collection) {
            collection.forEach(e -> endpoints.add(String.valueOf(e)));
        }
        return endpoints;
    }

    /** This machine's first site-local IPv4 address, else any non-loopback IPv4 one. */
    private static @Nullable String lanAddress() {
        List<InetAddress> addresses = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp() && !nic.isLoopback()) {
                    addresses.addAll(Collections.list(nic.getInetAddresses()));
                }
            }
        } catch (SocketException e) {
            return null;
        }
        return addresses.stream()
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .min(Comparator.comparingInt(a -> a.isSiteLocalAddress() ? 0 : 1))
                .map(InetAddress::getHostAddress)
                .orElse(null);
    }
}
