package org.camalarm.mqtt;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.camalarm.config.Seconds;
import org.camalarm.push.Fingerprints;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The bridge's configuration, checked: what {@link MqttConfig} says with defaults filled in. Never
 * shows the password ({@link #toString()}).
 *
 * @param clientId the configured client id, else the hub's own stable one
 * @param hubUrl   where users reach this hub's web pages ({@code http://host:port}, no trailing slash),
 *                 for the devices' links; {@code null} when unknown
 * @param caFile   PEM file of the certificate authorities to trust for {@code ssl://}, or {@code null}
 * @param pin      the canonical SHA-256 fingerprint the broker's certificate must have, or {@code null}
 * @param version  camalarm's version, announced as the discovery origin
 */
record MqttSettings(
        String broker,
        String username,
        String password,
        String clientId,
        String baseTopic,
        String discoveryPrefix,
        boolean discovery,
        boolean publishImages,
        SnapshotEntity snapshotEntity,
        int qos,
        @Nullable Path caFile,
        @Nullable String pin,
        @Nullable String hubUrl,
        Duration reconnectDelay,
        Duration maxReconnectDelay,
        String version) {

    /** Which Home Assistant component shows a camera's snapshot: openHAB understands only {@code camera}. */
    enum SnapshotEntity {
        IMAGE,
        CAMERA,
        BOTH;

        boolean image() {
            return this != CAMERA;
        }

        boolean camera() {
            return this != IMAGE;
        }
    }

    private static final Set<String> SCHEMES = Set.of("tcp", "ssl", "ws", "wss");
    /** {@code scheme://} and whatever lies up to the last {@code @} before the path: the user info. */
    private static final Pattern USER_INFO = Pattern.compile("^([^:/]*://)[^/]*@");

    /**
     * Checks a configuration.
     *
     * @param defaultClientId used when {@code clientId} is empty
     * @param derivedHubUrl   used when {@code hubUrl} is empty (from the HTTP server's address), or {@code null}
     * @throws IllegalArgumentException naming the key and the value that cannot be used
     */
    static MqttSettings of(MqttConfig config, String defaultClientId, @Nullable String derivedHubUrl, String version) {
        String broker = config.broker().trim();
        checkBroker(broker);
        String pin = config.certificateFingerprint().isBlank()
                ? null
                : Fingerprints.normalize(config.certificateFingerprint());
        String caFile = config.caFile().trim();
        if (config.qos() < 0 || config.qos() > 2) {
            throw new IllegalArgumentException("qos must be 0, 1 or 2, got " + config.qos());
        }
        Duration min = Seconds.of("reconnectDelay", config.reconnectDelay());
        Duration max = Seconds.of("maxReconnectDelay", config.maxReconnectDelay());
        if (min.toMillis() < 10 || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("reconnectDelay must be at least 0.01 s and maxReconnectDelay at least"
                    + " reconnectDelay, got " + config.reconnectDelay() + " and " + config.maxReconnectDelay());
        }
        String clientId = config.clientId().trim();
        String hubUrl = config.hubUrl().isBlank()
                ? derivedHubUrl
                : checkHubUrl(config.hubUrl().trim());
        return new MqttSettings(
                broker,
                config.username(),
                config.password(),
                clientId.isEmpty() ? defaultClientId : clientId,
                checkTopic("baseTopic", config.baseTopic().trim()),
                checkTopic("discoveryPrefix", config.discoveryPrefix().trim()),
                config.discovery(),
                config.publishImages(),
                snapshotEntity(config.snapshotEntity()),
                config.qos(),
                caFile.isEmpty() ? null : Path.of(caFile),
                pin,
                hubUrl,
                min,
                max,
                version);
    }

    boolean tls() {
        return broker.startsWith("ssl:") || broker.startsWith("wss:");
    }

    private static void checkBroker(String broker) {
        String shown = withoutUserInfo(broker);
        try {
            URI uri = new URI(broker);
            String scheme = uri.getScheme();
            if (scheme == null || !SCHEMES.contains(scheme) || uri.getHost() == null) {
                throw new IllegalArgumentException("broker must be tcp://host[:port] or ssl://host[:port]"
                        + " (ws://, wss:// too), got '" + shown + "'");
            }
            // the broker is shown in the log, the thing's status and its properties: no password in it
            if (uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("broker must not carry a user name or password (give them as"
                        + " username and password), got '" + shown + "'");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("broker is not a URI such as tcp://192.168.1.5:1883: '" + shown + "' ("
                    + e.getReason() + " at index " + e.getIndex() + ")");
        }
    }

    /** The broker URL with any {@code user:password@} replaced by {@code ***@}. */
    static String withoutUserInfo(String broker) {
        return USER_INFO.matcher(broker).replaceFirst("$1***@");
    }

    /** A topic (or prefix) we publish under: no wildcards, no empty level at either end. */
    static String checkTopic(String key, String topic) {
        if (topic.isEmpty()
                || topic.contains("+")
                || topic.contains("#")
                || topic.startsWith("/")
                || topic.endsWith("/")
                || topic.contains("//")
                || topic.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(key + " must be a topic without +, # or empty levels, such as"
                    + " 'camalarm' or 'site1/camalarm', got '" + topic + "'");
        }
        return topic;
    }

    private static String checkHubUrl(String url) {
        String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        try {
            URI uri = new URI(trimmed);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return trimmed;
            }
        } catch (URISyntaxException e) {
            // answered below
        }
        throw new IllegalArgumentException(
                "hubUrl must be http(s)://host[:port] as users reach this hub, got '" + url + "'");
    }

    private static SnapshotEntity snapshotEntity(String value) {
        try {
            return SnapshotEntity.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("snapshotEntity must be image, camera or both, got '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return "MqttSettings[broker=" + broker + ", username=" + username + ", clientId=" + clientId + ", baseTopic="
                + baseTopic + ", discoveryPrefix=" + discoveryPrefix + "]";
    }
}
