package org.camalarm.push;

import org.eclipse.jdt.annotation.Nullable;

/**
 * What a device family reads from the reply to its state request ({@link DeviceFamily#readState}):
 * the state, or why the reply says none.
 *
 * @param state   the state; {@code null} exactly when {@link #verdict()} is not OK
 * @param verdict OK with a detail such as {@code ison: true}, or the failure (usually rejected)
 */
public record StateReply(@Nullable SwitchState state, Verdict verdict) {

    public StateReply {
        if ((state != null) != verdict.isOk()) {
            throw new IllegalArgumentException("a state exactly when the verdict is OK, got " + state + ", " + verdict);
        }
    }

    /** The device reports {@code state}; {@code evidence} says where it read it, e.g. {@code ison: true}. */
    static StateReply of(SwitchState state, String evidence) {
        return new StateReply(state, Verdict.ok(state + " (" + evidence + ")"));
    }

    /** A reply that cannot be read as a state. */
    static StateReply unreadable(int status, String why) {
        return new StateReply(null, Verdict.rejected(HttpStatus.describe(status) + " but " + why));
    }

    /** An error status: no state. */
    static StateReply failed(int status) {
        return new StateReply(null, Verdict.rejected(HttpStatus.describe(status)));
    }
}
