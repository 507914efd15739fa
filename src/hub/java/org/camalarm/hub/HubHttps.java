package org.camalarm.hub;

import static java.util.concurrent.CompletableFuture.completedFuture;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The hub's HTTPS: Felix HTTP Jetty reads it from framework properties. On by default at port
 * {@value #DEFAULT_PORT}. Without a keystore of the user's ({@value #KEYSTORE}), a self-signed
 * certificate is generated at first start into {@code userdata/https/} and kept (cameras and users
 * may have pinned it), and its SHA-256 fingerprint is printed at every start so it can be compared
 * with what a camera or browser shows.
 */
final class HubHttps {

    static final String ENABLE = "org.apache.felix.https.enable";
    static final String PORT = "org.osgi.service.http.port.secure";
    static final String KEYSTORE = "org.apache.felix.https.keystore";
    static final String KEYSTORE_PASSWORD = "org.apache.felix.https.keystore.password";
    static final String KEY_PASSWORD = "org.apache.felix.https.keystore.key.password";
    static final String KEYSTORE_TYPE = "org.apache.felix.https.keystore.type";
    /** Read by the hub's HTTPS connector bundle (src/hub-https), which serves the port instead of Felix. */
    static final String CONNECTOR = "camalarm.hub.https";

    static final String DEFAULT_PORT = "8443";
    static final String ALIAS = "camalarm-hub";
    private static final String TYPE = "PKCS12";
    private static final int YEARS = 20;

    /**
     * What the hub serves HTTPS with, and the line that says so: complete at once, or once a new
     * certificate is made (an RSA key takes from a tenth of a second to seconds on a busy machine, so
     * it is made while the framework starts, and only waited for before the bundles start).
     */
    record Setup(Map<String, String> properties, CompletableFuture<String> line) {}

    private HubHttps() {}

    /**
     * The framework properties for HTTPS. A system property of the user's always wins: HTTPS
     * off ({@code -D}{@value #ENABLE}{@code =false}), another port, or their own keystore (then its
     * password properties too; nothing is generated).
     *
     * @throws IOException with a sentence for the user when the kept keystore cannot be read
     */
    static Setup setup(Path userdata) throws IOException {
        Map<String, String> props = new LinkedHashMap<>();
        // Felix's own HTTPS connector checks the Host against the certificate: ours does not (HttpsConnector)
        props.put(ENABLE, "false");
        if ("false".equalsIgnoreCase(System.getProperty(ENABLE))) {
            return new Setup(props, completedFuture("camalarm hub: HTTPS is off (" + ENABLE + "=false)"));
        }
        props.put(CONNECTOR, "true");
        String given = System.getProperty(PORT);
        String port = given != null ? given : DEFAULT_PORT;
        props.put(PORT, port);
        String own = System.getProperty(KEYSTORE);
        if (own != null && !own.isBlank()) {
            return new Setup(
                    props,
                    completedFuture("camalarm hub: HTTPS on port " + port + ", certificate SHA-256 fingerprint "
                            + ownKeystore(props, own) + " (from " + own + ")"));
        }
        Path dir = userdata.resolve("https");
        Path keystore = dir.resolve("keystore.p12");
        Path passwordFile = dir.resolve("keystore.password");
        props.put(KEYSTORE, keystore.toString());
        props.put(KEYSTORE_TYPE, TYPE);
        String said = "camalarm hub: HTTPS on port " + port + ", certificate SHA-256 fingerprint ";
        boolean kept = Files.exists(keystore);
        String password = kept ? readPassword(keystore, passwordFile) : newPassword();
        props.put(KEYSTORE_PASSWORD, password);
        props.put(KEY_PASSWORD, password);
        // reading a PKCS#12 store derives its keys (tenths of a second), making one takes longer: both while the
        // framework starts
        return new Setup(
                props,
                inBackground(
                        kept
                                ? () -> said + fingerprint(load(keystore, password)) + " (kept in " + keystore + ")"
                                : () -> said + fingerprint(generate(keystore, passwordFile, password))
                                        + " (self-signed, generated now in " + keystore + ")"));
    }

    private interface Work {
        String run() throws IOException;
    }

    private static CompletableFuture<String> inBackground(Work work) {
        CompletableFuture<String> line = new CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        line.complete(work.run());
                    } catch (IOException | RuntimeException e) {
                        line.completeExceptionally(e);
                    }
                },
                "camalarm-hub-certificate");
        thread.setDaemon(true);
        thread.start();
        return line;
    }

    private static String newPassword() {
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** A keystore of the user's: its type from the name unless given, the key's password the keystore's unless given. */
    private static String ownKeystore(Map<String, String> props, String keystore) throws IOException {
        String password = System.getProperty(KEYSTORE_PASSWORD);
        if (password == null) {
            throw new IOException("-D" + KEYSTORE + " needs -D" + KEYSTORE_PASSWORD + " too");
        }
        String type = System.getProperty(KEYSTORE_TYPE);
        String keyPassword = System.getProperty(KEY_PASSWORD);
        props.put(KEYSTORE, keystore);
        props.put(KEYSTORE_PASSWORD, password);
        props.put(KEY_PASSWORD, keyPassword != null ? keyPassword : password);
        String storeType =
                type != null ? type : keystore.toLowerCase(Locale.ROOT).endsWith(".jks") ? "JKS" : TYPE;
        props.put(KEYSTORE_TYPE, storeType);
        try (InputStream in = Files.newInputStream(Path.of(keystore))) {
            KeyStore store = KeyStore.getInstance(storeType);
            store.load(in, password.toCharArray());
            for (String alias : Collections.list(store.aliases())) {
                Certificate certificate = store.getCertificate(alias);
                if (store.isKeyEntry(alias) && certificate != null) {
                    return fingerprint(certificate);
                }
            }
            throw new GeneralSecurityException("it holds no key with a certificate");
        } catch (IOException | GeneralSecurityException e) {
            throw new IOException("the HTTPS keystore " + keystore + " cannot be read: " + e, e);
        }
    }

    /** {@code AB:CD:...}, as browsers and {@code openssl x509 -fingerprint -sha256} show it. */
    static String fingerprint(Certificate certificate) throws IOException {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IOException("the HTTPS certificate cannot be read: " + e.getMessage(), e);
        }
    }

    private static String readPassword(Path keystore, Path passwordFile) throws IOException {
        try {
            return Files.readString(passwordFile, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw unreadable(keystore, e);
        }
    }

    /** The kept certificate, once its store opens with the password and holds the key that matches it. */
    private static X509Certificate load(Path keystore, String password) throws IOException {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance(TYPE);
            store.load(in, password.toCharArray());
            Key key = store.getKey(ALIAS, password.toCharArray());
            Certificate certificate = store.getCertificate(ALIAS);
            if (!(key instanceof PrivateKey privateKey)
                    || !(certificate instanceof X509Certificate x509)
                    || !SelfSignedCertificate.matches(x509, privateKey)) {
                throw new GeneralSecurityException("no key " + ALIAS + " with its certificate");
            }
            return x509;
        } catch (IOException | GeneralSecurityException e) {
            throw unreadable(keystore, e);
        }
    }

    private static IOException unreadable(Path keystore, Exception e) {
        return new IOException(
                "the HTTPS keystore " + keystore + " or its password file cannot be read (" + e
                        + "); move them away to have a new certificate generated, or give your own with -D"
                        + KEYSTORE,
                e);
    }

    /**
     * The JDK's PKCS#12 settings for a store it writes (system properties it reads while writing).
     * The password is 144 random bits kept beside the store, not a word a person chose: stretching it
     * with PBKDF2 (10,000 rounds by default for the key, the certificate and the integrity check)
     * adds no strength, only a third of a second of CPU at every start, when the hub and then Jetty
     * open the store on a JVM that has not compiled SHA-256 yet. One round, and the certificate
     * (public anyway) not encrypted.
     */
    private static final Map<String, String> STORE_SETTINGS = Map.of(
            "keystore.pkcs12.keyPbeIterationCount", "1",
            "keystore.pkcs12.macIterationCount", "1",
            "keystore.pkcs12.certProtectionAlgorithm", "NONE");

    private static synchronized void store(
            OutputStream out, PrivateKey key, X509Certificate certificate, String password) throws IOException {
        Map<String, @Nullable String> before = new HashMap<>();
        STORE_SETTINGS.forEach((name, value) -> before.put(name, System.setProperty(name, value)));
        try {
            KeyStore store = KeyStore.getInstance(TYPE);
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, password.toCharArray(), new Certificate[] {certificate});
            store.store(out, password.toCharArray());
        } catch (GeneralSecurityException e) {
            throw new IOException(e.getMessage(), e);
        } finally {
            before.forEach((name, value) -> {
                if (value == null) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, value);
                }
            });
        }
    }

    /** A new key and certificate, written so that no half-written or world-readable file is ever seen. */
    private static X509Certificate generate(Path keystore, Path passwordFile, String password) throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var keys = generator.generateKeyPair();
            X509Certificate certificate =
                    SelfSignedCertificate.create(keys, "camalarm hub", dnsNames(), addresses(), YEARS);
            Files.createDirectories(keystore.getParent());
            writePrivately(passwordFile, out -> out.write((password + "\n").getBytes(StandardCharsets.US_ASCII)));
            writePrivately(keystore, out -> store(out, keys.getPrivate(), certificate, password));
            return certificate;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot generate the HTTPS certificate: " + e.getMessage(), e);
        }
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** Owner-only where the file system has permissions, moved into place whole. */
    private static void writePrivately(Path file, Writer writer) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp); // Windows: the user's profile protects it
        }
        try (OutputStream out = Files.newOutputStream(tmp)) {
            writer.write(out);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** localhost, this machine's name when the environment says it (never a DNS look-up), the HTTP host. */
    private static List<String> dnsNames() {
        List<String> names = new ArrayList<>(List.of("localhost"));
        for (String candidate : new @Nullable String[] {
            System.getenv("HOSTNAME"), System.getenv("COMPUTERNAME"), System.getProperty("org.apache.felix.http.host")
        }) {
            if (candidate != null
                    && candidate.matches("[A-Za-z0-9][A-Za-z0-9.-]{0,252}")
                    && !candidate.matches("[0-9.]+")) {
                String name = candidate.toLowerCase(Locale.ROOT);
                if (!names.contains(name)) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** Loopback and this machine's interface addresses at generation time (link-local ones say nothing). */
    private static List<InetAddress> addresses() {
        List<InetAddress> addresses = new ArrayList<>(List.of(InetAddress.getLoopbackAddress()));
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (!address.isLinkLocalAddress() && !addresses.contains(address)) {
                        addresses.add(address);
                    }
                }
            }
        } catch (SocketException e) {
            // the names above still serve
        }
        return addresses;
    }
}
