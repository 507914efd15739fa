package org.camalarm.mqtt;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.camalarm.mqtt.MqttSessionTest.RecordingObserver;
import org.camalarm.thing.ThingRegistry;
import org.camalarm.thing.ThingStatusInfo;
import org.camalarm.thing.ThingStatusInfo.Detail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ssl://} brokers: trusted through a CA file (host name checked), through the pinned
 * fingerprint of their certificate (as push targets pin devices), and refused otherwise with the
 * fingerprint to pin in the status. Against mosquitto's TLS listener with an openssl-made CA.
 */
class BrokerTrustTest {

    /** The first TLS handshake in a fresh JVM takes seconds. */
    private static final Duration HANDSHAKE = Duration.ofSeconds(20);

    @TempDir
    static Path dir;

    private static TlsFiles tls;
    private static Mosquitto broker;

    private final ThingChangeQueue queue = new ThingChangeQueue();
    private final ThingRegistry registry = new ThingRegistry(new ForwardingEvents(queue));
    private final RecordingObserver observer = new RecordingObserver();
    private MqttSession session;

    @BeforeAll
    static void startBroker() throws Exception {
        tls = TlsFiles.generate(dir.resolve("tls"));
        broker = Mosquitto.start(dir.resolve("broker"), tls);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @AfterEach
    void stop() {
        session.stop();
    }

    private ThingStatusInfo connect(String uri, Path caFile, String pin) {
        session = new MqttSession(
                TestSettings.of(uri, Mosquitto.PASSWORD, caFile, pin), queue, registry, observer, null, Duration.ZERO);
        session.start();
        await().atMost(HANDSHAKE).until(() -> observer.last().status() != ThingStatusInfo.Status.UNKNOWN);
        return observer.last();
    }

    @Test
    void trustsABrokerIssuedByTheAuthorityOfTheCaFile() {
        assertEquals(ThingStatusInfo.ONLINE, connect(broker.tlsUri("localhost"), tls.caCertificate(), null));
    }

    @Test
    void trustsExactlyThePinnedCertificate() {
        assertEquals(ThingStatusInfo.ONLINE, connect(broker.tlsUri("127.0.0.1"), null, tls.fingerprint()));
    }

    @Test
    void anotherPinIsRefusedNamingTheCertificateThatWasPresented() {
        String other =
                "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF";
        ThingStatusInfo status = connect(broker.tlsUri("127.0.0.1"), null, other);
        assertEquals(Detail.CONFIGURATION_ERROR, status.detail());
        assertTrue(status.description().contains("TLS handshake"), status.description());
        assertTrue(status.description().contains(tls.fingerprint()), status.description());
    }

    @Test
    void anUnknownAuthorityIsRefusedWithTheFingerprintToPin() {
        ThingStatusInfo status = connect(broker.tlsUri("127.0.0.1"), null, null);
        assertEquals(Detail.CONFIGURATION_ERROR, status.detail());
        assertTrue(status.description().contains("set certificateFingerprint"), status.description());
        assertTrue(status.description().contains(tls.fingerprint()), status.description());
    }
}
