package org.camalarm.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * HTTPS as a user sets it up against the hub's self-signed certificate: trust exactly the
 * certificate whose SHA-256 fingerprint the hub printed (what a camera or browser shows for it).
 */
final class Tls {

    private static final Pattern PRINTED = Pattern.compile("certificate SHA-256 fingerprint ([0-9A-F:]{95})");

    private Tls() {}

    /** The fingerprint the hub printed last in {@code log}. */
    static String printedFingerprint(String log) {
        Matcher m = PRINTED.matcher(log);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        if (last == null) {
            throw new AssertionError("no fingerprint printed: " + log);
        }
        return last;
    }

    static String fingerprint(Certificate certificate) {
        try {
            return HexFormat.ofDelimiter(":")
                    .withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Trusts the one certificate with this fingerprint, whatever name it is reached by. */
    static SSLContext pinned(String fingerprint) throws Exception {
        TrustManager pin = new X509ExtendedTrustManager() {
            private void check(X509Certificate[] chain) throws java.security.cert.CertificateException {
                if (!fingerprint(chain[0]).equals(fingerprint)) {
                    throw new java.security.cert.CertificateException("not the pinned certificate");
                }
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                    throws java.security.cert.CertificateException {
                check(chain);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                    throws java.security.cert.CertificateException {
                check(chain);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType)
                    throws java.security.cert.CertificateException {
                check(chain);
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {pin}, null);
        return context;
    }

    /** An HTTP/1.1 exchange as it went over the wire. */
    record Exchange(int status, String head, String body, Certificate served) {
        boolean hasHeader(String line) {
            return head.contains("\r\n" + line + "\r\n");
        }
    }

    /**
     * One request on its own TLS connection from {@code from} (a loopback address other than
     * 127.0.0.1 stands for another sender), its head written as given ({@code Host} included).
     */
    static Exchange send(SSLContext context, String from, int port, String head, String body) throws IOException {
        try (Socket plain = new Socket()) {
            plain.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            plain.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
            plain.setSoTimeout(10_000);
            try (SSLSocket socket =
                    (SSLSocket) context.getSocketFactory().createSocket(plain, "127.0.0.1", port, true)) {
                socket.startHandshake();
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                OutputStream out = socket.getOutputStream();
                out.write((head + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.write(bytes);
                out.flush();
                ByteArrayOutputStream answer = new ByteArrayOutputStream();
                InputStream in = socket.getInputStream();
                in.transferTo(answer);
                String text = answer.toString(StandardCharsets.UTF_8);
                int end = text.indexOf("\r\n\r\n");
                String responseHead = end < 0 ? text : text.substring(0, end + 2);
                return new Exchange(
                        Integer.parseInt(text.substring(9, 12)),
                        responseHead,
                        end < 0 ? "" : text.substring(end + 4),
                        socket.getSession().getPeerCertificates()[0]);
            }
        }
    }
}
