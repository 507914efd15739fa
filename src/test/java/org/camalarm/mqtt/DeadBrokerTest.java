package org.camalarm.mqtt;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.camalarm.camera.CameraHandler;
import org.camalarm.camera.TestCameras;
import org.camalarm.mqtt.MqttSessionTest.RecordingObserver;
import org.camalarm.thing.ThingEvents;
import org.camalarm.thing.ThingRegistry;
import org.camalarm.thing.ThingStatusInfo;
import org.camalarm.time.ManualTimers;
import org.junit.jupiter.api.Test;

/**
 * A broker that accepts connections and never answers: the worst case, where nothing fails fast.
 * Alarms go on at full speed, the bridge gives the attempt up and says so, and stopping it does
 * not hang.
 */
class DeadBrokerTest {

    /**
     * The bridge's threads (camalarm-mqtt, camalarm-mqtt-paho) and Paho's named after the test client
     * id, but not those already past their last task: under heavy load, pool threads were seen for
     * 20 s in {@code Thread.exit} (freeing their NIO buffers) or {@code processWorkerExit}. Threads in
     * {@code before} (those of earlier tests in this JVM, still ending) are not this test's.
     */
    static List<String> bridgeThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> !before.contains(e.getKey()))
                .filter(e -> e.getKey().getName().startsWith(MqttSession.THREAD)
                        || e.getKey().getName().contains("camalarm-test"))
                .filter(e -> Arrays.stream(e.getValue())
                        .noneMatch(frame -> frame.getMethodName().equals("processWorkerExit")
                                || (frame.getClassName().equals("java.lang.Thread")
                                        && frame.getMethodName().equals("exit"))))
                .map(e -> e.getKey().getName() + " " + Arrays.toString(e.getValue()))
                .toList();
    }

    @Test
    void aBrokerThatNeverAnswersHoldsUpNothing() throws Exception {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket dead = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!dead.isClosed()) {
                    try {
                        held.add(dead.accept()); // and never a byte back
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();

            ThingChangeQueue queue = new ThingChangeQueue();
            ThingEvents events = new ForwardingEvents(queue);
            ThingRegistry registry = new ThingRegistry(events);
            CameraHandler camera =
                    TestCameras.vigi("gate", "Gate", events, new ManualTimers(Instant.parse("2026-12-01T10:00:00Z")));
            registry.register(camera);
            RecordingObserver observer = new RecordingObserver();
            MqttSession session = new MqttSession(
                    TestSettings.of("tcp://127.0.0.1:" + dead.getLocalPort(), "x"),
                    queue,
                    registry,
                    observer,
                    null,
                    Duration.ZERO);
            session.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> !held.isEmpty());

            for (int i = 0; i < 5_000; i++) {
                long start = System.nanoTime();
                camera.thing().updateState("motionAlarm", org.camalarm.thing.State.onOff(i % 2 == 0));
                assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1), "a change waited for the broker");
            }

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> observer.last().status() == ThingStatusInfo.Status.OFFLINE);
            assertEquals(
                    ThingStatusInfo.Detail.COMMUNICATION_ERROR, observer.last().detail());
            assertTrue(
                    observer.last().description().startsWith("cannot reach"),
                    observer.last().description());

            long stopping = System.nanoTime();
            session.stop();
            assertTrue(System.nanoTime() - stopping < TimeUnit.SECONDS.toNanos(8), "stopping hung");
            // a connect attempt in progress is torn down when it ends (Paho's connection timeout, 10 s)
            await("no thread of the bridge left")
                    .atMost(Duration.ofSeconds(45))
                    .until(() -> bridgeThreads(before), List::isEmpty);
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}
