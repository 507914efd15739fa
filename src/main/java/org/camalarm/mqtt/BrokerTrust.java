package org.camalarm.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.camalarm.push.Fingerprints;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Which broker certificates the bridge trusts for {@code ssl://}: exactly the pinned one
 * ({@code certificateFingerprint}, host name not checked: the pin names the certificate, as push
 * targets do), else those issued by the authorities of {@code caFile}, else the JVM's authorities
 * (both with the host name checked). Either way the certificate presented is remembered, so a
 * failed handshake can tell the user the fingerprint to pin. Thread-safe.
 */
final class BrokerTrust extends X509ExtendedTrustManager {

    private final @Nullable X509ExtendedTrustManager authorities;
    private final @Nullable String pin;
    private volatile @Nullable String presented;

    private BrokerTrust(@Nullable X509ExtendedTrustManager authorities, @Nullable String pin) {
        this.authorities = authorities;
        this.pin = pin;
    }

    /** The trust the settings ask for. */
    static BrokerTrust of(MqttSettings settings) throws GeneralSecurityException, IOException {
        String pin = settings.pin();
        if (pin != null) {
            return new BrokerTrust(null, pin);
        }
        Path caFile = settings.caFile();
        KeyStore store = null;
        if (caFile != null) {
            store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            Collection<? extends java.security.cert.Certificate> certificates;
            try (InputStream in = Files.newInputStream(caFile)) {
                certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (certificates.isEmpty()) {
                throw new CertificateException("caFile " + caFile + " holds no PEM certificate");
            }
            int i = 0;
            for (java.security.cert.Certificate certificate : certificates) {
                store.setCertificateEntry("ca" + i++, certificate);
            }
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager x509) {
                return new BrokerTrust(x509, null);
            }
        }
        throw new GeneralSecurityException("the JVM offers no X.509 trust manager");
    }

    /** Sockets that trust what this trust manager does; whether Paho checks the host name is {@link #checksHostName()}. */
    SSLSocketFactory socketFactory() throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {this}, null);
        return context.getSocketFactory();
    }

    /** A pin names the certificate: a broker addressed by IP with a self-signed certificate needs no matching name. */
    boolean checksHostName() {
        return pin == null;
    }

    /** The SHA-256 fingerprint of the last certificate a broker presented, or {@code null}. */
    @Nullable
    String presented() {
        return presented;
    }

    @NonNullByDefault({}) // the JDK interface says nothing of nullness
    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        X509ExtendedTrustManager delegate = check(chain);
        if (delegate != null) {
            delegate.checkServerTrusted(chain, authType, socket);
        }
    }

    @NonNullByDefault({}) // the JDK interface says nothing of nullness
    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        X509ExtendedTrustManager delegate = check(chain);
        if (delegate != null) {
            delegate.checkServerTrusted(chain, authType, engine);
        }
    }

    @NonNullByDefault({}) // the JDK interface says nothing of nullness
    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        X509ExtendedTrustManager delegate = check(chain);
        if (delegate != null) {
            delegate.checkServerTrusted(chain, authType);
        }
    }

    /** Remembers the certificate; checks the pin, or returns the authorities that are to judge it. */
    private @Nullable X509ExtendedTrustManager check(X509Certificate @Nullable [] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the broker presented no certificate");
        }
        String seen = Fingerprints.of(chain[0]);
        presented = seen;
        String required = pin;
        if (required != null && !required.equals(seen)) {
            throw new CertificateException("the broker's certificate is not the one certificateFingerprint pins");
        }
        return required != null ? null : authorities;
    }

    @NonNullByDefault({}) // the JDK interface says nothing of nullness
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("the MQTT bridge trusts no clients");
    }

    @NonNullByDefault({}) // the JDK interface says nothing of nullness
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("the MQTT bridge trusts no clients");
    }

    @NonNullByDefault({}) // the JDK interface says nothing of nullness
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the MQTT bridge trusts no clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        X509ExtendedTrustManager delegate = authorities;
        return delegate == null ? new X509Certificate[0] : delegate.getAcceptedIssuers();
    }
}
