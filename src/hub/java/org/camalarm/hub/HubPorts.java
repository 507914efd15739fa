package org.camalarm.hub;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The ports the hub is about to open, checked before it starts: a hub that cannot bind one of them
 * would otherwise run on, half started, answering nothing there. Each port says which system
 * property (or configuration key) moves it.
 */
final class HubPorts {

    /** One port the hub opens, and how a user moves it. */
    record Port(String what, int number, String howToChange, boolean udp) {

        /** A TCP port. */
        Port(String what, int number, String howToChange) {
            this(what, number, howToChange, false);
        }
    }

    private HubPorts() {}

    /** The ports of this start: HTTP, HTTPS unless it is off, and the lenient and UDP alarm ports when {@code camalarm.server.cfg} turns them on. */
    static List<Port> of(Map<String, String> frameworkProperties, Path conf) throws IOException {
        List<Port> ports = new ArrayList<>();
        ports.add(new Port(
                "HTTP",
                number(frameworkProperties.get("org.osgi.service.http.port"), 8080),
                "start the hub with -Dorg.osgi.service.http.port=<port>"));
        if ("true".equals(frameworkProperties.get(HubHttps.CONNECTOR))) {
            ports.add(new Port(
                    "HTTPS",
                    number(frameworkProperties.get(HubHttps.PORT), Integer.parseInt(HubHttps.DEFAULT_PORT)),
                    "start the hub with -D" + HubHttps.PORT + "=<port> (or -D" + HubHttps.ENABLE + "=false)"));
        }
        String lenient = serverSetting(conf, "lenientPort", frameworkProperties);
        if (lenient != null && number(lenient, 0) > 0) {
            ports.add(new Port(
                    "lenient alarm port",
                    number(lenient, 0),
                    "start the hub with -D" + HubLauncher.LENIENT_PORT_PROPERTY
                            + "=<port> or set lenientPort in camalarm.server.cfg (0 = off)"));
        }
        String udp = serverSetting(conf, "udpPort", frameworkProperties);
        if (udp != null && number(udp, 0) > 0) {
            ports.add(new Port(
                    "UDP alarm port",
                    number(udp, 0),
                    "start the hub with -D" + HubLauncher.UDP_PORT_PROPERTY
                            + "=<port> or set udpPort in camalarm.server.cfg (0 = off)",
                    true));
        }
        return ports;
    }

    /**
     * Each port that cannot be bound on {@code host} (all interfaces when {@code null}), said in one
     * line each: all at once, so a user moves every busy port before the next start, not one per start.
     */
    static List<String> busy(List<Port> ports, @Nullable String host) {
        List<String> lines = new ArrayList<>();
        for (Port port : ports) {
            try {
                InetSocketAddress address = host == null || host.isBlank()
                        ? new InetSocketAddress(port.number())
                        : new InetSocketAddress(InetAddress.getByName(host), port.number());
                if (port.udp()) {
                    new DatagramSocket(address).close();
                } else {
                    try (ServerSocket socket = new ServerSocket()) {
                        socket.bind(address);
                    }
                }
            } catch (IOException e) {
                lines.add("camalarm hub: cannot listen on port " + port.number() + " (" + port.what() + "): "
                        + e.getMessage() + ". Is another hub running? Stop it, or " + port.howToChange() + ".");
            }
        }
        return lines;
    }

    /** A key of {@code conf/camalarm.server.cfg} with {@code ${property}} resolved as FileInstall will. */
    private static @Nullable String serverSetting(Path conf, String key, Map<String, String> frameworkProperties)
            throws IOException {
        Path file = conf.resolve("camalarm.server.cfg");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties settings = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            settings.load(in);
        }
        String value = settings.getProperty(key);
        if (value != null && value.strip().startsWith("${") && value.strip().endsWith("}")) {
            String name = value.strip().substring(2, value.strip().length() - 1);
            value = frameworkProperties.get(name);
        }
        return value;
    }

    private static int number(@Nullable String text, int fallback) {
        try {
            return text == null ? fallback : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
