package org.camalarm.push;

/** How a {@link PushClient} authenticates to the device. */
public enum AuthMode {
    /**
     * Send without credentials; on a 401 answer the scheme the device challenges with (Digest
     * preferred over Basic, SHA-256 over MD5), if a username is set. Later requests
     * pre-authenticate with the learned scheme.
     */
    AUTO,
    /** Never send credentials, even when the device asks for them. */
    NONE,
    /** Send Basic credentials with every request (preemptive); never answer a Digest challenge. */
    BASIC,
    /** Answer Digest challenges only; never send the password with Basic. */
    DIGEST
}
