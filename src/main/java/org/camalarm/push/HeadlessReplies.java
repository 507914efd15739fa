package org.camalarm.push;

/**
 * A device family some of whose replies come without an HTTP head: ControlByWeb-built web relays
 * (the 2N web relay among them) answer {@code state.xml} with the XML document alone, no status
 * line, as their manual says ("The XML reply does not contain headers"). {@link PushClient} sends
 * such requests over a plain socket ({@link RawHttpPusher}) instead of the JDK client, which
 * cannot read such a reply, and lets the family judge a headless reply by its body.
 */
interface HeadlessReplies {

    /** Whether the device may answer this request with the body alone. */
    boolean mayAnswerHeadless(PushRequest request);

    /**
     * Judges a reply that came without an HTTP head: the family's own document is the device's
     * reply, judged like a 200; anything else is {@link PushResult.Reason#NO_STATUS}.
     */
    Verdict judgeHeadless(String body);

    /**
     * Whether a headless reply read so far is whole (so the exchange need not wait for the device to
     * close), judged by its end: {@code tail} is its last {@value RawReply.Progress#TAIL_BYTES} bytes
     * at most, as text.
     */
    boolean isWhole(String tail);
}
