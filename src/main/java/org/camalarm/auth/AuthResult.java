package org.camalarm.auth;

/** How what a request presented compares with the credentials it needed. */
public enum AuthResult {
    /** No credentials were needed, or the right ones came. */
    ACCEPTED,
    /** None came, or in a scheme this server does not take: answered with a challenge, not counted as a failure. */
    MISSING,
    /** Credentials came and are wrong: counted against the sender's address. */
    WRONG,
    /** A Digest answer to a nonce that has expired: challenged again with {@code stale=true}, not a failure. */
    STALE,
    /** Credentials are needed and the request came over plain HTTP, which the receiver does not allow for them. */
    PLAIN_HTTP
}
