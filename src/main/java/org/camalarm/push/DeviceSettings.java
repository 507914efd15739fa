package org.camalarm.push;

import java.time.Duration;
import java.util.Objects;
import org.eclipse.jdt.annotation.Nullable;

/**
 * How to reach and authenticate to one device: everything a {@link PushClient} is built from.
 * A change of any field means a new client (so a changed password can never be mixed with an
 * old one). Immutable; {@link #toString()} masks the password.
 *
 * @param host                   name or IP address of the device, without scheme, port or path
 *                               (IPv6 literals with or without brackets)
 * @param port                   TCP or UDP port; 0 = the protocol's default (80 for HTTP, 443 for
 *                               HTTPS). UDP has no default: its port must be given (1–65535)
 * @param protocol               HTTP, HTTPS or UDP
 * @param username               user name, empty for none ({@code null} is read as empty)
 * @param password               password, empty for none ({@code null} is read as empty)
 * @param authMode               how to authenticate, see {@link AuthMode}
 * @param timeout                connect timeout, and again the time allowed for the reply to start
 * @param certificateFingerprint HTTPS only: the pinned SHA-256 fingerprint of the device's leaf
 *                               certificate (any case, colons allowed; stored canonical
 *                               {@code AB:CD:...}), or {@code null} to trust on first use
 * @param maxConcurrent          most requests in flight to this device at once (at least 1; a
 *                               Shelly Gen2 accepts 6); more wait in a bounded queue
 */
public record DeviceSettings(
        String host,
        int port,
        Protocol protocol,
        String username,
        String password,
        AuthMode authMode,
        Duration timeout,
        @Nullable String certificateFingerprint,
        int maxConcurrent) {

    /** Timeout used by {@link #of}: 5 seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    /** Concurrency used by {@link #of}: 4 requests in flight. */
    public static final int DEFAULT_MAX_CONCURRENT = 4;

    public DeviceSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(authMode, "authMode");
        Objects.requireNonNull(timeout, "timeout");
        host = host.strip();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isEmpty()
                || host.chars()
                        .anyMatch(c -> c == '/' || c == '@' || c == '?' || c == '#' || Character.isWhitespace(c))) {
            throw new IllegalArgumentException(
                    "host must be a name or an IP address without scheme, port or path, got '" + host + "'");
        }
        if (host.indexOf(':') >= 0 && host.indexOf(':') == host.lastIndexOf(':')) {
            throw new IllegalArgumentException("host must not carry a port (use the port setting), got '" + host + "'");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (protocol default) or 1-65535, got " + port);
        }
        if (protocol == Protocol.UDP && port == 0) {
            throw new IllegalArgumentException("UDP has no default port: configure the device's port");
        }
        username = Objects.requireNonNullElse(username, "");
        password = Objects.requireNonNullElse(password, "");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (certificateFingerprint != null && certificateFingerprint.isBlank()) {
            certificateFingerprint = null;
        }
        if (certificateFingerprint != null) {
            certificateFingerprint = Fingerprints.normalize(certificateFingerprint);
        }
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1, got " + maxConcurrent);
        }
    }

    /**
     * Settings with no credentials, {@link AuthMode#AUTO}, {@link #DEFAULT_TIMEOUT}, no pin and
     * {@link #DEFAULT_MAX_CONCURRENT}; adjust with the {@code with...} methods.
     */
    public static DeviceSettings of(Protocol protocol, String host, int port) {
        return new DeviceSettings(
                host, port, protocol, "", "", AuthMode.AUTO, DEFAULT_TIMEOUT, null, DEFAULT_MAX_CONCURRENT);
    }

    /** The port actually used: {@link #port()}, or the protocol's default when that is 0. */
    public int effectivePort() {
        return port != 0 ? port : protocol.defaultPort();
    }

    /** Whether a username is set (a password alone is not enough to authenticate). */
    public boolean hasCredentials() {
        return !username.isEmpty();
    }

    public DeviceSettings withCredentials(String newUsername, String newPassword) {
        return new DeviceSettings(
                host,
                port,
                protocol,
                newUsername,
                newPassword,
                authMode,
                timeout,
                certificateFingerprint,
                maxConcurrent);
    }

    public DeviceSettings withAuthMode(AuthMode newAuthMode) {
        return new DeviceSettings(
                host, port, protocol, username, password, newAuthMode, timeout, certificateFingerprint, maxConcurrent);
    }

    public DeviceSettings withTimeout(Duration newTimeout) {
        return new DeviceSettings(
                host, port, protocol, username, password, authMode, newTimeout, certificateFingerprint, maxConcurrent);
    }

    /** These settings pinned to a fingerprint (as reported by {@link PushResult#fingerprint()}), or unpinned. */
    public DeviceSettings withCertificateFingerprint(@Nullable String newFingerprint) {
        return new DeviceSettings(
                host, port, protocol, username, password, authMode, timeout, newFingerprint, maxConcurrent);
    }

    public DeviceSettings withMaxConcurrent(int newMaxConcurrent) {
        return new DeviceSettings(
                host, port, protocol, username, password, authMode, timeout, certificateFingerprint, newMaxConcurrent);
    }

    /** All fields, the password masked as {@code ***} (empty when none is set). */
    @Override
    public String toString() {
        return "DeviceSettings[host=" + host + ", port=" + port + ", protocol=" + protocol + ", username=" + username
                + ", password=" + (password.isEmpty() ? "" : "***") + ", authMode=" + authMode + ", timeout="
                + timeout.toMillis() + "ms, certificateFingerprint=" + certificateFingerprint + ", maxConcurrent="
                + maxConcurrent + "]";
    }
}
