package org.camalarm.hub;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A self-signed X.509 v3 server certificate, DER-encoded by hand: the JDK can sign and parse
 * certificates but has no public API to build one, and this is the only certificate the hub ever
 * makes. Doing it here (about a hundred lines of ASN.1) keeps the hub free of an 8 MB crypto
 * library and of running {@code keytool}, which a JRE may lack. The result is parsed back by the
 * JDK's {@link CertificateFactory}, so a malformed encoding fails at once, not in a camera.
 *
 * <p>RSA 2048 with SHA-256: the key every embedded TLS client a camera may carry accepts.
 */
final class SelfSignedCertificate {

    /** sha256WithRSAEncryption (RFC 4055). */
    private static final int[] SHA256_WITH_RSA = {1, 2, 840, 113549, 1, 1, 11};

    private static final int[] COMMON_NAME = {2, 5, 4, 3};
    private static final int[] BASIC_CONSTRAINTS = {2, 5, 29, 19};
    private static final int[] KEY_USAGE = {2, 5, 29, 15};
    private static final int[] EXTENDED_KEY_USAGE = {2, 5, 29, 37};
    private static final int[] SUBJECT_ALT_NAME = {2, 5, 29, 17};
    private static final int[] SERVER_AUTH = {1, 3, 6, 1, 5, 5, 7, 3, 1};
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");
    private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'");

    private SelfSignedCertificate() {}

    /**
     * Signs a certificate for {@code keys}, valid from an hour ago (clocks of cameras drift) for
     * {@code years}, naming {@code commonName} and, as subject alternative names, {@code dnsNames}
     * and {@code addresses} (so a client that checks names can be given this certificate to trust).
     */
    static X509Certificate create(
            KeyPair keys, String commonName, List<String> dnsNames, List<InetAddress> addresses, int years)
            throws GeneralSecurityException {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC).withNano(0);
        byte[] algorithm = sequence(oid(SHA256_WITH_RSA), new byte[] {0x05, 0x00});
        byte[] name = sequence(set(sequence(oid(COMMON_NAME), tlv(0x0c, commonName.getBytes(StandardCharsets.UTF_8)))));
        byte[] serial = new byte[16];
        new SecureRandom().nextBytes(serial);
        byte[] tbs = sequence(
                tlv(0xa0, integer(BigInteger.valueOf(2))), // v3
                integer(new BigInteger(1, serial)),
                algorithm,
                name,
                sequence(time(now.minusHours(1)), time(now.plusYears(years))),
                name,
                keys.getPublic().getEncoded(), // SubjectPublicKeyInfo, already DER
                tlv(0xa3, sequence(extensions(dnsNames, addresses))));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(keys.getPrivate());
        signer.update(tbs);
        byte[] certificate = sequence(tbs, algorithm, bitString(signer.sign()));
        return (X509Certificate)
                CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(certificate));
    }

    /** Whether {@code key} signed {@code certificate} (a keystore's pair still belongs together). */
    static boolean matches(X509Certificate certificate, PrivateKey key) {
        try {
            byte[] probe = "camalarm".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] extensions(List<String> dnsNames, List<InetAddress> addresses) {
        ByteArrayOutputStream altNames = new ByteArrayOutputStream();
        dnsNames.forEach(dns -> altNames.writeBytes(tlv(0x82, dns.getBytes(StandardCharsets.US_ASCII))));
        addresses.forEach(address -> altNames.writeBytes(tlv(0x87, address.getAddress())));
        return concat(
                extension(BASIC_CONSTRAINTS, false, sequence()), // not a CA
                // digitalSignature and keyEncipherment: bits 0 and 2, five unused bits
                extension(KEY_USAGE, true, new byte[] {0x03, 0x02, 0x05, (byte) 0xa0}),
                extension(EXTENDED_KEY_USAGE, false, sequence(oid(SERVER_AUTH))),
                extension(SUBJECT_ALT_NAME, false, tlv(0x30, altNames.toByteArray())));
    }

    private static byte[] extension(int[] id, boolean critical, byte[] value) {
        return critical
                ? sequence(oid(id), new byte[] {0x01, 0x01, (byte) 0xff}, tlv(0x04, value))
                : sequence(oid(id), tlv(0x04, value));
    }

    /** UTCTime through 2049, GeneralizedTime after (RFC 5280 4.1.2.5). */
    private static byte[] time(ZonedDateTime time) {
        return time.getYear() < 2050
                ? tlv(0x17, UTC_TIME.format(time).getBytes(StandardCharsets.US_ASCII))
                : tlv(0x18, GENERALIZED_TIME.format(time).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] oid(int[] arcs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(arcs[0] * 40 + arcs[1]);
        for (int i = 2; i < arcs.length; i++) {
            int arc = arcs[i];
            int shift = 28;
            while (shift > 0 && (arc >>> shift) == 0) {
                shift -= 7;
            }
            for (; shift > 0; shift -= 7) {
                out.write(0x80 | ((arc >>> shift) & 0x7f));
            }
            out.write(arc & 0x7f);
        }
        return tlv(0x06, out.toByteArray());
    }

    private static byte[] integer(BigInteger value) {
        return tlv(0x02, value.toByteArray()); // two's complement, minimal: what DER wants
    }

    private static byte[] bitString(byte[] bits) {
        byte[] content = new byte[bits.length + 1]; // leading 0: no unused bits
        System.arraycopy(bits, 0, content, 1, bits.length);
        return tlv(0x03, content);
    }

    private static byte[] sequence(byte[]... parts) {
        return tlv(0x30, concat(parts));
    }

    private static byte[] set(byte[]... parts) {
        return tlv(0x31, concat(parts));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Tag, definite length (short or long form), content. */
    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = length > 0xffffff ? 4 : length > 0xffff ? 3 : length > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
