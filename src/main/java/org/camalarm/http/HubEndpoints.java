package org.camalarm.http;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.runtime.HttpServiceRuntime;
import org.osgi.service.http.runtime.HttpServiceRuntimeConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where this hub's HTTP server listens, as its runtime says ({@code osgi.http.endpoint}): 8080 in
 * the embedded hub, 8181 in Karaf or openHAB. Pax Web registers its runtime with the endpoint
 * {@code /} and publishes the real address in an update (and updates it again on every servlet
 * change, saying nothing new), so this follows the updates and tells who asked when the addresses
 * really change. The one place that reads the runtime's endpoints and this machine's LAN addresses.
 */
@Component(service = HubEndpoints.class)
public class HubEndpoints {

    private static final Logger LOGGER = LoggerFactory.getLogger(HubEndpoints.class);

    private volatile List<String> endpoints = List.of();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    /** The runtime bound now; guarded by {@code this}. */
    private @Nullable ServiceReference<HttpServiceRuntime> bound;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY,
            updated = "runtimeUpdated",
            unbind = "runtimeGone")
    void runtimeBound(ServiceReference<HttpServiceRuntime> runtime) {
        synchronized (this) {
            bound = runtime;
        }
        runtimeUpdated(runtime);
    }

    void runtimeUpdated(ServiceReference<HttpServiceRuntime> runtime) {
        changed(parse(runtime.getProperty(HttpServiceRuntimeConstants.HTTP_SERVICE_ENDPOINT)));
    }

    /** A greedy reference binds a better runtime before it unbinds the old one: only the bound one's going counts. */
    void runtimeGone(ServiceReference<HttpServiceRuntime> runtime) {
        synchronized (this) {
            if (!runtime.equals(bound)) {
                return;
            }
            bound = null;
        }
        changed(List.of());
    }

    /**
     * Sets the endpoints (the runtime's updates, tests); listeners hear of a real change only,
     * outside the lock (one restarts the MQTT bridge), each on its own (one that throws stops none).
     */
    void changed(List<String> now) {
        synchronized (this) {
            if (now.equals(endpoints)) {
                return;
            }
            endpoints = List.copyOf(now);
        }
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOGGER.warn("A listener of the hub's address failed: {}", e.toString());
            }
        }
    }

    /**
     * The endpoints as the runtime writes them: URLs such as {@code http://0.0.0.0:8080/} (a
     * wildcard host: every address of this machine), or only {@code /} while Pax Web has not said
     * more; empty while there is no runtime.
     */
    public List<String> endpoints() {
        return endpoints;
    }

    /** Runs {@code listener} after each change of {@link #endpoints()} (on the thread that reported it). */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    public void removeOnChange(Runnable listener) {
        listeners.remove(listener);
    }

    /** {@code osgi.http.endpoint} as a list: its type is String, String[] or a collection. */
    static List<String> parse(@Nullable Object property) {
        List<String> parsed = new ArrayList<>();
        if (property instanceof String text) {
            parsed.add(text);
        } else if (property instanceof String[] array) {
            parsed.addAll(List.of(array));
        } else if (property instanceof Collection<?> collection) {
            collection.forEach(e -> parsed.add(String.valueOf(e)));
        }
        return parsed;
    }

    /** Whether {@code host} is a wildcard address (the server listens on every interface). */
    public static boolean isWildcard(@Nullable String host) {
        return "0.0.0.0".equals(host) || "[::]".equals(host) || "::".equals(host);
    }

    /** Whether {@code host} names this machine only (as a camera on the LAN would see it). */
    public static boolean isLoopback(@Nullable String host) {
        return host != null && (host.startsWith("127.") || host.equals("localhost") || host.equals("[::1]"));
    }

    /**
     * This machine's IPv4 addresses that others can reach, site-local ones (192.168.x.x, 10.x.x.x)
     * first: what a camera or a browser on the LAN is given for a wildcard endpoint.
     */
    public static List<String> lanAddresses() {
        return ipv4Addresses(false);
    }

    /** This machine's site-local IPv4 addresses (192.168.x.x, 10.x.x.x, 172.16-31.x.x): a camera's LAN. */
    public static List<String> siteLocalAddresses() {
        return ipv4Addresses(true);
    }

    private static List<String> ipv4Addresses(boolean siteLocalOnly) {
        List<InetAddress> addresses = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp() && !nic.isLoopback()) {
                    addresses.addAll(Collections.list(nic.getInetAddresses()));
                }
            }
        } catch (SocketException e) {
            return List.of(); // no interfaces to list: the endpoints and the browser's host remain
        }
        return addresses.stream()
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .filter(a -> !siteLocalOnly || a.isSiteLocalAddress())
                .sorted(Comparator.comparingInt(a -> a.isSiteLocalAddress() ? 0 : 1))
                .map(InetAddress::getHostAddress)
                .toList();
    }
}
