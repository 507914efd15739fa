package org.camalarm.push;

import static org.camalarm.push.Pushes.await;
import static org.camalarm.push.Pushes.loopback;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.camalarm.push.StatefulDevice.Kind;
import org.junit.jupiter.api.Test;

/** Many devices on one shared transport: their threads do not grow with them, and each keeps its own state. */
class SharedTransportTest {

    private static final int DEVICES = 20;

    @Test
    void manyDevicesShareABoundedPoolAndOneHttpClient() throws Exception {
        List<StatefulDevice> relays = new ArrayList<>();
        List<PushCommandSender> senders = new ArrayList<>();
        try (SharedTransport shared = new SharedTransport()) {
            for (int i = 0; i < DEVICES; i++) {
                relays.add(StatefulDevice.start(Kind.SHELLY_GEN1));
            }
            long threadsBefore = pushThreads();
            for (StatefulDevice relay : relays) {
                senders.add(TestPush.sender(
                        loopback(Protocol.HTTP, relay.port()),
                        new ShellyGen1(0, ShellyKind.RELAY, null),
                        IntervalGate.off(),
                        f -> {},
                        shared));
            }
            List<CompletableFuture<PushResult>> all = new ArrayList<>();
            for (int i = 0; i < senders.size(); i++) {
                all.add(senders.get(i).sendConfirmed(i % 2 == 0 ? SwitchCommand.ON : SwitchCommand.OFF, null));
            }
            for (int i = 0; i < all.size(); i++) {
                PushResult result = await(all.get(i));
                assertEquals(Confirmation.TRUE, result.confirmed(), result::toString);
                assertEquals(i % 2 == 0, relays.get(i).isOn());
            }
            assertEquals(1, shared.plainClients(), "one HTTP client for every plain-HTTP device");
            // a client of its own per device would add a selector thread and pool threads each: 40+
            long added = pushThreads() - threadsBefore;
            assertTrue(added <= SharedTransport.THREADS + 1, DEVICES + " devices added " + added + " threads");

            senders.remove(0).close(); // one device reconfigured: the others go on
            assertEquals(
                    SwitchState.ON,
                    await(senders.get(1).sendConfirmed(SwitchCommand.ON, null)).state());
        } finally {
            senders.forEach(PushCommandSender::close);
            relays.forEach(StatefulDevice::close);
        }
    }

    @Test
    void onlyDevicesAtAnIpAddressArePushedInline() {
        // a name is resolved by the thread that starts the exchange: never the camera's request thread
        assertTrue(SharedTransport.ipLiteral("192.168.1.40"));
        assertTrue(SharedTransport.ipLiteral("fe80::1"));
        assertTrue(!SharedTransport.ipLiteral("shelly-hall.local"));
        assertTrue(!SharedTransport.ipLiteral("relay1"));
        assertTrue(!SharedTransport.ipLiteral("10.0.0.1.example"));
        assertTrue(!SharedTransport.ipLiteral("999.1.1.1"));
        assertTrue(SharedTransport.ipLiteral("255.0.10.200"));
    }

    @Test
    void whileThePoolsQueueIsFullAPushFailsOverloadedWithTheReason() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (SharedTransport shared = new SharedTransport(1, 2);
                StatefulDevice relay = StatefulDevice.start(Kind.SHELLY_GEN1);
                PushCommandSender sender = TestPush.sender(
                        loopback(Protocol.HTTP, relay.port()),
                        new ShellyGen1(0, ShellyKind.RELAY, null),
                        IntervalGate.off(),
                        f -> {},
                        shared)) {
            for (int i = 0; i < 3; i++) { // one running, two waiting: the queue is full
                shared.executor().execute(() -> awaitQuietly(release));
            }

            PushResult refused = await(sender.send(SwitchCommand.ON));

            assertEquals(PushResult.Reason.OVERLOADED, refused.reason());
            assertTrue(refused.detail().contains("push threads are saturated"), refused.detail());
            assertTrue(!relay.isOn(), "nothing was sent");

            release.countDown();
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> shared.saturation() == null);
            assertEquals(
                    PushResult.Reason.OK, await(sender.send(SwitchCommand.ON)).reason());
            assertTrue(relay.isOn());
        } finally {
            release.countDown();
        }
    }

    /** Threads the push side makes: pool threads, and the selector thread each JDK HTTP client owns. */
    private static long pushThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(name -> name.startsWith("camalarm-push-") || name.endsWith("SelectorManager"))
                .count();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
