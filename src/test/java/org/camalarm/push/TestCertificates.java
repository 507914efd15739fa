package org.camalarm.push;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** A self-signed device certificate made by the JDK's keytool, and its SHA-256 fingerprint as keytool prints it. */
public record TestCertificates(SSLContext serverContext, String fingerprint) {

    private static final char[] PASSWORD = "changeit".toCharArray();

    /** Generates an RSA key pair with a self-signed certificate made out to a name that is not 127.0.0.1. */
    public static TestCertificates selfSigned(Path dir, String commonName) throws Exception {
        Path store = dir.resolve(commonName + ".p12");
        run(List.of(
                "-genkeypair",
                "-alias",
                "device",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit",
                "-keypass",
                "changeit",
                "-dname",
                "CN=" + commonName + ", O=Test Device",
                "-validity",
                "2"));
        String listing = run(
                List.of("-list", "-v", "-alias", "device", "-keystore", store.toString(), "-storepass", "changeit"));
        Matcher sha256 = Pattern.compile("SHA256:\\s*([0-9A-F:]{95})").matcher(listing);
        if (!sha256.find()) {
            throw new IllegalStateException("no SHA256 fingerprint in keytool output:\n" + listing);
        }
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return new TestCertificates(context, sha256.group(1));
    }

    private static String run(List<String> args) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new java.util.ArrayList<>();
        command.add(keytool.toString());
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        return output;
    }
}
