package org.camalarm.push;

import java.util.Objects;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The outcome of one push, as the iVSEC camera's Test button judges it ("Success !" when the
 * device answered with a success status, "Error !" otherwise), with the exact reason.
 *
 * @param success     {@code true} exactly when {@link #reason()} is {@link Reason#OK}
 * @param reason      the kind of outcome
 * @param detail      one human sentence with the exact reason, e.g. {@code connection refused by
 *                    127.0.0.1:8081}, {@code timed out after 2000 ms}, {@code HTTP 400 Bad Request},
 *                    {@code 2N error 14: action failed}; never contains the password
 * @param status      the HTTP status of the final reply, or {@code null} when none came (UDP,
 *                    unreachable, suppressed)
 * @param latencyMs   milliseconds from the call to the outcome, including any wait for a free slot
 *                    and authentication round trips
 * @param body        a short safe excerpt of the reply body: at most {@value #MAX_BODY} characters,
 *                    control characters replaced, the password masked; empty when none
 * @param fingerprint HTTPS: the SHA-256 fingerprint ({@code AB:CD:...}) of the certificate the
 *                    device presented, for trust on first use; otherwise {@code null}
 * @param confirmed   whether the device's state, read back after the command, shows it carried
 *                    out ({@link PushCommandSender#sendConfirmed}); {@link Confirmation#UNKNOWN}
 *                    for pushes that read nothing back
 * @param state       the device's state as read back after the command, or {@code null} when none was read
 */
public record PushResult(
        boolean success,
        Reason reason,
        String detail,
        @Nullable Integer status,
        long latencyMs,
        String body,
        @Nullable String fingerprint,
        Confirmation confirmed,
        @Nullable SwitchState state) {

    /** Longest {@link #body()} excerpt. */
    public static final int MAX_BODY = 200;

    /** Why a push succeeded or failed. */
    public enum Reason {
        /** The device accepted the command (success status, and a success body where the family defines one). */
        OK,
        /** No conversation: connection refused, timed out, unknown host, no route, TLS handshake failed. */
        UNREACHABLE,
        /** The device answered but refused the command: an error status, or an error in a success reply. */
        REJECTED,
        /** Connected, but no HTTP status came back: the connection closed early or the reply was not HTTP. */
        NO_STATUS,
        /**
         * 401/403 after credentials were tried, a challenge the auth mode may not answer, or
         * credentials required but none configured.
         */
        AUTH_FAILED,
        /** The HTTPS certificate's fingerprint differs from the pinned one; nothing was sent. */
        CERTIFICATE_MISMATCH,
        /** Not sent: a repeat of the same command within the minimum interval (see {@link IntervalGate}). */
        INTERVAL,
        /** Not sent: too many pushes already waiting for this device (see {@link PushClient#QUEUE_CAPACITY}). */
        OVERLOADED,
        /** The device accepted the command, but its state read back afterwards shows it was not carried out. */
        NOT_CONFIRMED
    }

    public PushResult {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        if (success != (reason == Reason.OK)) {
            throw new IllegalArgumentException(
                    "success must be true exactly for reason OK, got " + success + " with " + reason);
        }
        if (latencyMs < 0) {
            throw new IllegalArgumentException("latencyMs must not be negative, got " + latencyMs);
        }
        body = BodyExcerpt.of(Objects.requireNonNullElse(body, ""), "");
        Objects.requireNonNull(confirmed, "confirmed");
    }

    /** A result that read nothing back: {@link Confirmation#UNKNOWN}, no state. */
    public PushResult(
            boolean success,
            Reason reason,
            String detail,
            @Nullable Integer status,
            long latencyMs,
            String body,
            @Nullable String fingerprint) {
        this(success, reason, detail, status, latencyMs, body, fingerprint, Confirmation.UNKNOWN, null);
    }

    /** This command's result after reading the state back: the verdict, detail and latency of both. */
    PushResult readBack(
            Reason newReason, String newDetail, Confirmation confirmation, @Nullable SwitchState read, long totalMs) {
        return new PushResult(
                newReason == Reason.OK, newReason, newDetail, status, totalMs, body, fingerprint, confirmation, read);
    }

    /** A failure of the given kind (not {@link Reason#OK}). */
    static PushResult failure(
            Reason reason,
            String detail,
            @Nullable Integer status,
            long latencyMs,
            String body,
            @Nullable String fingerprint) {
        return new PushResult(false, reason, detail, status, latencyMs, body, fingerprint);
    }

    /** A failure without status, body or fingerprint. */
    static PushResult failure(Reason reason, String detail, long latencyMs) {
        return failure(reason, detail, null, latencyMs, "", null);
    }
}
