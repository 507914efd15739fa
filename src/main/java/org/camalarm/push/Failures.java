package org.camalarm.push;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Turns what the JDK HTTP client or a datagram socket threw into a {@link Verdict}: the reason
 * and one sentence for {@link PushResult#detail()}. The whole cause chain is searched, the most
 * telling cause first (the JDK wraps an unknown host in a {@code ConnectException}, a pin
 * mismatch in an {@code SSLHandshakeException}). The sentences name the device's address,
 * never credentials. Stateless.
 */
final class Failures {

    private static final Pattern CLOSED = Pattern.compile("(?i).*(eof|closed|no bytes|reset|broken pipe).*");

    /** Longest exception message quoted in a detail. */
    private static final int MAX_MESSAGE = 120;

    private Failures() {}

    /**
     * Classifies a failure of a request to {@code address} ({@code host:port}).
     *
     * @param timeout the configured timeout, quoted in timeout sentences
     */
    static Verdict classify(Throwable failure, String address, Duration timeout) {
        CertificateMismatchException mismatch = mismatch(failure);
        if (mismatch != null) {
            return new Verdict(PushResult.Reason.CERTIFICATE_MISMATCH, String.valueOf(mismatch.getMessage()));
        }
        if (find(failure, UnknownHostException.class) != null
                || find(failure, UnresolvedAddressException.class) != null) {
            return unreachable("unknown host " + hostOf(address));
        }
        if (find(failure, HttpConnectTimeoutException.class) != null) {
            return unreachable("connecting to " + address + " timed out after " + timeout.toMillis() + " ms");
        }
        if (find(failure, HttpTimeoutException.class) != null) {
            return unreachable("timed out after " + timeout.toMillis() + " ms waiting for " + address);
        }
        if (find(failure, TimeoutException.class) != null) {
            return unreachable("reply from " + address + " incomplete after "
                    + timeout.toMillis() * HttpPusher.BODY_TIMEOUT_FACTOR + " ms");
        }
        if (find(failure, NoRouteToHostException.class) != null) {
            return unreachable("no route to " + address);
        }
        ConnectException connect = find(failure, ConnectException.class);
        if (connect != null) {
            String message = connect.getMessage();
            return message == null || message.toLowerCase(Locale.ROOT).contains("refused")
                    ? unreachable("connection refused by " + address)
                    : unreachable("cannot connect to " + address + ": " + message);
        }
        SSLException tls = find(failure, SSLException.class);
        if (tls != null) {
            return unreachable("TLS handshake with " + address + " failed: " + tls.getMessage());
        }
        if (find(failure, RejectedExecutionException.class) != null
                || find(failure, CancellationException.class) != null) {
            return unreachable("push client for " + address + " was closed");
        }
        Throwable cause = innermost(failure);
        // the JDK may quote what the device sent ("Invalid status line: ..."): keep it short and clean
        String given = cause.getMessage();
        String message = given == null ? cause.getClass().getSimpleName() : BodyExcerpt.firstLine(given, MAX_MESSAGE);
        if (cause instanceof IOException && CLOSED.matcher(message).matches()) {
            return new Verdict(
                    PushResult.Reason.NO_STATUS,
                    "connection to " + address + " closed without an HTTP status (" + message + ")");
        }
        return new Verdict(PushResult.Reason.NO_STATUS, "no HTTP status from " + address + ": " + message);
    }

    /** The certificate mismatch somewhere in the failure's causes, or {@code null}. */
    static @Nullable CertificateMismatchException mismatch(Throwable failure) {
        return find(failure, CertificateMismatchException.class);
    }

    private static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Throwable innermost(Throwable failure) {
        Throwable t = failure;
        for (Throwable next = t.getCause(); next != null && next != t; next = t.getCause()) {
            t = next;
        }
        return t;
    }

    private static Verdict unreachable(String detail) {
        return new Verdict(PushResult.Reason.UNREACHABLE, detail);
    }

    private static String hostOf(String address) {
        int colon = address.lastIndexOf(':');
        String host = colon > 0 ? address.substring(0, colon) : address;
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }
}
