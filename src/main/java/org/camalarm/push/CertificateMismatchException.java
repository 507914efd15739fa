package org.camalarm.push;

import java.security.cert.CertificateException;

/** Thrown by {@link PinningTrustManager} into the TLS handshake when the device's certificate is not the pinned one. */
final class CertificateMismatchException extends CertificateException {

    private static final long serialVersionUID = 1L;
    private final String seen;

    CertificateMismatchException(String seen, String pinned) {
        super("certificate SHA-256 " + Fingerprints.abbreviate(seen) + " does not match pinned "
                + Fingerprints.abbreviate(pinned));
        this.seen = seen;
    }

    /** The canonical fingerprint the device presented. */
    String seen() {
        return seen;
    }
}
