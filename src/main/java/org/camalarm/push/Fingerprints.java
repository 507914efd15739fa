package org.camalarm.push;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * SHA-256 certificate fingerprints in their canonical form: 32 upper-case hex bytes joined by
 * colons ({@code AB:CD:...}), as keytool and browsers show them. Stateless.
 */
public final class Fingerprints {

    private static final int SHA256_HEX_DIGITS = 64;
    private static final HexFormat COLON_HEX = HexFormat.ofDelimiter(":").withUpperCase();
    /** Bytes shown in abbreviated form in human sentences. */
    private static final int SHORT_BYTES = 8;

    private Fingerprints() {}

    /**
     * The canonical form of a fingerprint typed by a user: any case, with or without colons,
     * spaces or dashes between the bytes.
     *
     * @throws IllegalArgumentException when it is not 64 hex digits
     */
    public static String normalize(String fingerprint) {
        String hex = fingerprint.replaceAll("[\\s:-]", "").toUpperCase(Locale.ROOT);
        if (hex.length() != SHA256_HEX_DIGITS || !hex.matches("[0-9A-F]+")) {
            throw new IllegalArgumentException("certificateFingerprint must be a SHA-256 fingerprint of 64 hex digits "
                    + "(colons allowed), got '" + fingerprint + "'");
        }
        return COLON_HEX.formatHex(HexFormat.of().parseHex(hex));
    }

    /** The canonical SHA-256 fingerprint of a certificate's DER encoding. */
    public static String of(X509Certificate certificate) throws CertificateEncodingException {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return COLON_HEX.formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The first bytes of a canonical fingerprint followed by an ellipsis, for detail sentences. */
    static String abbreviate(String canonical) {
        int cut = SHORT_BYTES * 3 - 1;
        return canonical.length() <= cut ? canonical : canonical.substring(0, cut) + "…";
    }
}
