package org.camalarm.mqtt;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.junit.jupiter.api.Test;

/**
 * A Paho client closed in every phase of its life leaves no thread behind. Closed in the first
 * milliseconds of its connect, Paho 1.2.5's connect thread would poll forever for threads that
 * already stopped (reproduced every time without the link's guard).
 */
class BrokerLinkTest {

    private static final BrokerLink.Events IGNORED = new BrokerLink.Events() {
        @Override
        public void connected(BrokerLink link) {}

        @Override
        public void connectFailed(BrokerLink link, Throwable failure) {}

        @Override
        public void lost(BrokerLink link, Throwable cause) {}

        @Override
        public void arrived(String topic, MqttMessage message) {}
    };

    @Test
    void closedAtAnyMomentOfItsConnectItLeavesNoThread() throws Exception {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept()); // a broker that never answers: the connect never ends by itself
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            MqttSettings settings = TestSettings.of("tcp://127.0.0.1:" + silent.getLocalPort(), "x");
            for (long delay : new long[] {0, 0, 0, 20, 100, 200, 400}) {
                BrokerLink link = new BrokerLink(settings, null, "camalarm/status", Runnable::run, IGNORED);
                if (delay > 0) {
                    await().pollDelay(Duration.ofMillis(delay)).until(() -> true);
                }
                link.close();
            }
            // a receiver already reading when the client is closed ends at Paho's own timeouts (about
            // 10 s, seen beyond 20 s on a loaded machine); a thread that never ends still fails this
            await("no client thread left")
                    .atMost(Duration.ofSeconds(45))
                    .until(() -> DeadBrokerTest.bridgeThreads(before), List::isEmpty);
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}
