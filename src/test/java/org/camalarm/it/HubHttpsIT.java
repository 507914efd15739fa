package org.camalarm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hub's certificate: generated once and kept across restarts, or the user's own. */
class HubHttpsIT {

    @TempDir
    Path dir;

    private static Tls.Exchange probe(Hub hub, String fingerprint) throws Exception {
        return Tls.send(
                Tls.pinned(fingerprint),
                "127.0.0.1",
                hub.securePort,
                "GET /camalarm/alarm/" + Hub.ALARM_TOKEN + "/cam/MOTION HTTP/1.1\r\nHost: hub\r\n",
                "");
    }

    @Test
    void theGeneratedCertificateIsKeptAcrossRestarts() throws Exception {
        Hub hub = Hub.withTokens(dir);
        String first;
        try (hub) {
            hub.start();
            String log = hub.logText();
            first = Tls.printedFingerprint(log);
            assertTrue(log.contains("(self-signed, generated now in " + hub.userdata.resolve("https")), log);
            assertEquals(200, probe(hub, first).status());
        }
        Files.delete(hub.log);
        try (hub) {
            hub.start();
            String log = hub.logText();
            assertEquals(first, Tls.printedFingerprint(log), "a camera that pinned it keeps working");
            assertTrue(log.contains("(kept in " + hub.userdata.resolve("https")), log);
            Tls.Exchange exchange = probe(hub, first);
            assertEquals(200, exchange.status());
            assertEquals(first, Tls.fingerprint(exchange.served()));
        }
    }

    @Test
    void aKeystoreOfTheUsersReplacesTheGeneratedOne() throws Exception {
        Path keystore = dir.resolve("mine.p12");
        Process keytool = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "mine",
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-dname",
                        "CN=my-hub.example",
                        "-validity",
                        "30",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keystore.toString(),
                        "-storepass",
                        "changeit"))
                .redirectErrorStream(true)
                .start();
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, "keytool failed");
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keystore)) {
            store.load(in, "changeit".toCharArray());
        }
        String mine = Tls.fingerprint(store.getCertificate("mine"));

        Hub hub = Hub.withTokens(dir.resolve("hub"));
        hub.systemProperties.add("-Dorg.apache.felix.https.keystore=" + keystore);
        hub.systemProperties.add("-Dorg.apache.felix.https.keystore.password=changeit");
        try (hub) {
            hub.start();
            String log = hub.logText();
            assertEquals(mine, Tls.printedFingerprint(log));
            assertFalse(log.contains("changeit"), "the keystore password is never printed");
            assertFalse(Files.exists(hub.userdata.resolve("https")), "nothing generated");
            Tls.Exchange exchange = probe(hub, mine);
            assertEquals(200, exchange.status());
            assertEquals(mine, Tls.fingerprint(exchange.served()));
        }
    }

    @Test
    void aBusyHttpsPortStopsTheHubWithOneClearLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Hub.Exit exit = runToExit(taken.getLocalPort());

            assertEquals(2, exit.code(), exit.output());
            assertEquals(
                    "camalarm hub: cannot listen on port " + taken.getLocalPort() + " (HTTPS): Address already in use."
                            + " Is another hub running? Stop it, or start the hub with"
                            + " -Dorg.osgi.service.http.port.secure=<port> (or -Dorg.apache.felix.https.enable=false).",
                    exit.output());
        }
    }

    @Test
    void aDamagedKeptKeystoreStopsTheHubWithOneClearLine() throws Exception {
        Hub hub = Hub.withTokens(dir);
        try (hub) {
            hub.start();
        }
        Path keystore = hub.userdata.resolve("https").resolve("keystore.p12");
        Files.write(keystore, new byte[] {0x30, 0x03, 0x02, 0x01});

        Hub.Exit exit = runToExit(Hub.freePort());

        assertEquals(1, exit.code(), exit.output());
        assertTrue(
                exit.output()
                        .startsWith("camalarm hub: cannot start: the HTTPS keystore " + keystore
                                + " or its password file cannot be read ("),
                exit.output());
        assertTrue(
                exit.output()
                        .strip()
                        .endsWith("move them away to have a new certificate generated, or give"
                                + " your own with -Dorg.apache.felix.https.keystore"),
                exit.output());
    }

    private Hub.Exit runToExit(int securePort) throws Exception {
        return Hub.runToExit(
                dir,
                "org.osgi.service.http.port=" + Hub.freePort(),
                "org.osgi.service.http.port.secure=" + securePort,
                "camalarm.lenientPort=0",
                "camalarm.udpPort=" + Hub.freeUdpPort());
    }
}
