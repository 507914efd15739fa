package org.camalarm.target;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.camalarm.push.AuthMode;
import org.camalarm.push.DeviceSettings;
import org.camalarm.push.Protocol;

/**
 * Reads the parameters every push target shares from its raw configuration properties, which are
 * strings when they come from a {@code .cfg} file and typed when a tool wrote them. Every problem
 * is an IllegalArgumentException naming the parameter and the bad value (it becomes the thing's
 * CONFIGURATION_ERROR status); the password never appears in a message.
 */
final class TargetProperties {

    static final int DEFAULT_TIMEOUT_MS = 5000;
    static final String MASK = "******";
    /** A query parameter whose name says it is a secret ({@code pwd=}, {@code password=}, {@code token=}, …). */
    private static final java.util.regex.Pattern SECRET_PARAMETER =
            java.util.regex.Pattern.compile("(?i)([?&][^=&\\s]*(?:pass|pwd|token|secret|key|auth)[^=&\\s]*=)[^&\\s]*");

    private final Map<String, Object> properties;

    TargetProperties(Map<String, Object> properties) {
        this.properties = properties;
    }

    java.util.Set<String> keys() {
        return properties.keySet();
    }

    String string(String key, String defaultValue) {
        Object value = properties.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof String[] array) {
            return array.length == 0 ? defaultValue : array[0].trim();
        }
        String text = String.valueOf(value).trim();
        return text.isEmpty() ? defaultValue : text;
    }

    int integer(String key, int defaultValue, int min, int max) {
        String text = string(key, null);
        if (text == null) {
            return defaultValue;
        }
        try {
            int value = text.contains(".") ? (int) Double.parseDouble(text) : Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the value
        }
        throw new IllegalArgumentException(
                key + " must be a whole number from " + min + " to " + max + ", got '" + text + "'");
    }

    /** Seconds with decimals as a Duration; {@code null} when absent or 0 (meaning "off" or "device default"). */
    Duration seconds(String key) {
        String text = string(key, null);
        if (text == null || "off".equalsIgnoreCase(text)) {
            return null;
        }
        try {
            double value = Double.parseDouble(text);
            if (value >= 0 && value <= 86_400) {
                return value == 0 ? null : Duration.ofMillis(Math.round(value * 1000));
            }
        } catch (NumberFormatException e) {
            // reported below with the value
        }
        throw new IllegalArgumentException(
                key + " must be seconds from 0 to 86400 (decimals allowed), got '" + text + "'");
    }

    <E extends Enum<E>> E choice(String key, Class<E> type, E defaultValue) {
        String text = string(key, null);
        if (text == null) {
            return defaultValue;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " must be one of "
                    + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT) + ", got '" + text
                    + "'");
        }
    }

    /** host, port, protocol, username, password, authMode, timeout (ms) and certificateFingerprint. */
    DeviceSettings settings(java.util.Set<Protocol> allowed, String pinnedFingerprint) {
        String host = string("host", null);
        if (host == null) {
            throw new IllegalArgumentException("host is required: the device's name or IP address");
        }
        Protocol protocol = choice("protocol", Protocol.class, Protocol.HTTP);
        if (!allowed.contains(protocol)) {
            throw new IllegalArgumentException("protocol " + protocol.name().toLowerCase(Locale.ROOT)
                    + " is not available for this device; use one of "
                    + allowed.toString().toLowerCase(Locale.ROOT));
        }
        String fingerprint = string("certificateFingerprint", pinnedFingerprint);
        return new DeviceSettings(
                host,
                integer("port", 0, 0, 65535),
                protocol,
                string("username", ""),
                string("password", ""),
                choice("authMode", AuthMode.class, AuthMode.AUTO),
                Duration.ofMillis(integer("timeout", DEFAULT_TIMEOUT_MS, 1, 600_000)),
                fingerprint,
                DeviceSettings.DEFAULT_MAX_CONCURRENT);
    }

    /** A command line as users may see it: values of secret-looking query parameters masked. */
    static String maskSecrets(String commandLine) {
        return SECRET_PARAMETER.matcher(commandLine).replaceAll("$1" + MASK);
    }

    /**
     * The configuration as users see it: every key but FileInstall's and Configuration Admin's own,
     * the password masked.
     */
    Map<String, Object> shown() {
        Map<String, Object> shown = new java.util.TreeMap<>();
        properties.forEach((key, value) -> {
            if (key.startsWith("service.")
                    || key.startsWith("felix.")
                    || key.startsWith("component.")
                    || key.startsWith("osgi.")) {
                return; // Configuration Admin's, FileInstall's and DS's own
            }
            if ("password".equals(key)) {
                shown.put(key, String.valueOf(value).isEmpty() ? "" : MASK);
            } else {
                shown.put(key, key.startsWith("command.") ? maskSecrets(String.valueOf(value)) : value);
            }
        });
        return shown;
    }
}
