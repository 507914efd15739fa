package org.camalarm.push;

import java.util.Objects;

/**
 * A {@link ResponseJudge}'s reading of one reply.
 *
 * @param reason {@link PushResult.Reason#OK}, or why the reply means failure (usually
 *               {@link PushResult.Reason#REJECTED})
 * @param detail the sentence for {@link PushResult#detail()}, e.g. {@code 2N error 14: action failed}
 */
public record Verdict(PushResult.Reason reason, String detail) {

    public Verdict {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    /** Success with the given detail. */
    public static Verdict ok(String detail) {
        return new Verdict(PushResult.Reason.OK, detail);
    }

    /** The device refused the command. */
    public static Verdict rejected(String detail) {
        return new Verdict(PushResult.Reason.REJECTED, detail);
    }

    /** Whether the reply means success. */
    public boolean isOk() {
        return reason == PushResult.Reason.OK;
    }
}
