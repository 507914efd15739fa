package org.camalarm.push;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Trusts one device's certificate by its SHA-256 fingerprint instead of by a certificate
 * authority. With a pin, exactly the leaf certificate with that fingerprint is accepted (never
 * silently anything else); without a pin, any certificate is accepted (trust on first use) and
 * the caller learns its fingerprint from the {@link PushResult} to persist it as the pin.
 *
 * <p><b>Hostname verification is replaced by the pin:</b> devices on a LAN present self-signed
 * certificates made out to a factory name or none at all, and are addressed by IP, so the name
 * could never match; the pin identifies the exact certificate, a stronger check than the name.
 * Being an {@link X509ExtendedTrustManager}, JSSE leaves endpoint identification to this class,
 * which skips it. Validity dates and key usage are not checked either, for the same reason
 * (device certificates expire and are never renewed). Thread-safe and stateless apart from the pin.
 */
final class PinningTrustManager extends X509ExtendedTrustManager {

    private static final X509Certificate[] NO_ISSUERS = new X509Certificate[0];
    private final @Nullable String pin;

    /** @param pin the canonical fingerprint to require, or {@code null} to accept any (trust on first use) */
    PinningTrustManager(@Nullable String pin) {
        this.pin = pin;
    }

    @NonNullByDefault({}) // the JDK interface says nothing of nullness
    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain);
    }

    @NonNullByDefault({}) // the JDK interface says nothing of nullness
    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain);
    }

    @NonNullByDefault({}) // the JDK interface says nothing of nullness
    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @NonNullByDefault({}) // the JDK interface says nothing of nullness
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("a push client trusts no clients");
    }

    @NonNullByDefault({}) // the JDK interface says nothing of nullness
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("a push client trusts no clients");
    }

    @NonNullByDefault({}) // the JDK interface says nothing of nullness
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a push client trusts no clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return NO_ISSUERS;
    }

    private void check(X509Certificate @Nullable [] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("device presented no certificate");
        }
        String seen = Fingerprints.of(chain[0]);
        String required = pin;
        if (required != null && !required.equals(seen)) {
            throw new CertificateMismatchException(seen, required);
        }
    }
}
