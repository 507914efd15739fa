package org.camalarm.rule;

import java.util.Map;
import org.camalarm.push.PushResult;
import org.eclipse.jdt.annotation.Nullable;

/**
 * How a command sent by a rule or through the command topic ended: the device's
 * {@link PushResult}, or one of the reasons of this package when it never reached a device.
 * Its fields are the result event properties {@value #SUCCESS}, {@value #REASON},
 * {@value #DETAIL}, {@value #STATUS} and {@value #LATENCY_MS}.
 *
 * @param success   whether the device accepted the command
 * @param reason    a {@link PushResult.Reason} name, or {@value #NO_TARGET}, {@value #BAD_COMMAND},
 *                  {@value #ERROR}
 * @param detail    one human sentence with the exact reason
 * @param status    the device's HTTP status, or {@code null} when none came
 * @param latencyMs milliseconds the push took; 0 when nothing was sent
 * @param confirmed whether the state read back afterwards shows the command carried out; {@code null}
 *                  when unknown
 */
record CommandOutcome(
        boolean success,
        String reason,
        String detail,
        @Nullable Integer status,
        long latencyMs,
        @Nullable Boolean confirmed) {

    /** No thing with the target's UID, or that thing is not a push target. */
    static final String NO_TARGET = "NO_TARGET";
    /** The target has no such channel or cannot take the command, or the request named none. */
    static final String BAD_COMMAND = "BAD_COMMAND";
    /** The target failed unexpectedly (a bug; the log has the stack trace at debug). */
    static final String ERROR = "ERROR";

    static final String SUCCESS = "success";
    static final String REASON = "reason";
    static final String DETAIL = "detail";
    static final String STATUS = "status";
    static final String LATENCY_MS = "latencyMs";
    static final String CONFIRMED = "confirmed";

    static CommandOutcome of(PushResult result) {
        return new CommandOutcome(
                result.success(),
                result.reason().name(),
                result.detail(),
                result.status(),
                result.latencyMs(),
                result.confirmed().asBoolean());
    }

    /** A command that reached no device. */
    static CommandOutcome failure(String reason, String detail) {
        return new CommandOutcome(false, reason, detail, null, 0, null);
    }

    /** Whether the command never reached a device because of the setup ({@code then}, the target, a bug). */
    boolean unsent() {
        return NO_TARGET.equals(reason) || BAD_COMMAND.equals(reason) || ERROR.equals(reason);
    }

    /** Puts the result properties into an event's properties; {@value #STATUS} and {@value #CONFIRMED} only when known. */
    void addTo(Map<String, Object> properties) {
        properties.put(SUCCESS, success);
        properties.put(REASON, reason);
        properties.put(DETAIL, detail);
        if (status != null) {
            properties.put(STATUS, status);
        }
        properties.put(LATENCY_MS, latencyMs);
        Boolean known = confirmed;
        if (known != null) {
            properties.put(CONFIRMED, known);
        }
    }
}
