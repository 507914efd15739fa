package org.camalarm.push;

/**
 * Reads a device's reply as success or failure. {@link PushClient} handles 401/403 itself and
 * asks the judge about every other reply. Implementations are stateless and thread-safe.
 */
@FunctionalInterface
public interface ResponseJudge {

    /** Success for any 2xx status, whatever the body; everything else is rejected. */
    ResponseJudge STATUS_2XX = (status, body) -> HttpStatus.isSuccess(status)
            ? Verdict.ok(HttpStatus.describe(status))
            : Verdict.rejected(HttpStatus.describe(status));

    /**
     * Judges one reply.
     *
     * @param status the HTTP status
     * @param body   the whole body as text (bodies over {@link PushClient#MAX_BODY_BYTES} are cut),
     *               empty when none
     */
    Verdict judge(int status, String body);
}
