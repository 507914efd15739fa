package org.camalarm.mqtt;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.camalarm.push.Fingerprints;

/**
 * A test certificate authority and a broker certificate it issued for 127.0.0.1 and localhost,
 * made with openssl; and the broker certificate's SHA-256 fingerprint, for pinning.
 */
public record TlsFiles(Path caCertificate, Path serverCertificate, Path serverKey, String fingerprint) {

    public static TlsFiles generate(Path dir) throws Exception {
        Files.createDirectories(dir);
        Path caKey = dir.resolve("ca.key");
        Path ca = dir.resolve("ca.crt");
        Path key = dir.resolve("server.key");
        Path csr = dir.resolve("server.csr");
        Path crt = dir.resolve("server.crt");
        Path san = dir.resolve("san.ext");
        Files.writeString(san, "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        String openssl = "/usr/bin/openssl";
        Mosquitto.run(
                openssl,
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-nodes",
                "-keyout",
                caKey.toString(),
                "-out",
                ca.toString(),
                "-days",
                "2",
                "-subj",
                "/CN=camalarm test CA");
        Mosquitto.run(
                openssl,
                "req",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-nodes",
                "-keyout",
                key.toString(),
                "-out",
                csr.toString(),
                "-subj",
                "/CN=broker");
        Mosquitto.run(
                openssl,
                "x509",
                "-req",
                "-in",
                csr.toString(),
                "-CA",
                ca.toString(),
                "-CAkey",
                caKey.toString(),
                "-CAcreateserial",
                "-out",
                crt.toString(),
                "-days",
                "2",
                "-extfile",
                san.toString());
        X509Certificate certificate;
        try (InputStream in = Files.newInputStream(crt)) {
            certificate =
                    (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        return new TlsFiles(ca, crt, key, Fingerprints.of(certificate));
    }
}
