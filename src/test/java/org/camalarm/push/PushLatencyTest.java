package org.camalarm.push;

import static org.camalarm.push.Pushes.await;
import static org.camalarm.push.Pushes.loopback;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.camalarm.push.FakeDevice.Reply;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes reuse the device's pooled connection instead of opening one each (the JDK client is
 * slow at connecting, fast at reusing). Asserts the reuse, not wall-clock figures; the measured
 * latency is logged for the record.
 */
class PushLatencyTest {

    private static final Logger LOGGER = LoggerFactory.getLogger(PushLatencyTest.class);
    private static final int PUSHES = 200;

    @Test
    void sequentialPushesShareOneConnection() throws Exception {
        try (FakeDevice device = FakeDevice.http(request -> Reply.of(200, "{\"ison\":true}"));
                PushCommandSender sender = TestPush.sender(
                        loopback(Protocol.HTTP, device.port()), new ShellyGen1(0, ShellyKind.RELAY, null))) {
            long[] micros = new long[PUSHES];
            for (int i = 0; i < PUSHES; i++) {
                long start = System.nanoTime();
                assertTrue(await(sender.send(i % 2 == 0 ? SwitchCommand.ON : SwitchCommand.OFF))
                        .success());
                micros[i] = (System.nanoTime() - start) / 1000;
            }

            assertEquals(PUSHES, device.requests().size());
            assertEquals(1, device.connectionCount(), "one keep-alive connection for all pushes");
            long[] warm = Arrays.copyOfRange(micros, PUSHES / 2, PUSHES);
            Arrays.sort(warm);
            LOGGER.info(
                    "loopback push round trip after warm-up: median {} µs, p90 {} µs",
                    warm[warm.length / 2],
                    warm[warm.length * 9 / 10]);
        }
    }

    @Test
    void aBurstStaysWithinTheConcurrencyBoundAndReusesConnections() throws Exception {
        try (FakeDevice device = FakeDevice.http(request -> Reply.of(200, "{\"ison\":true}"));
                PushClient client =
                        TestPush.client(loopback(Protocol.HTTP, device.port()).withMaxConcurrent(4))) {
            List<CompletableFuture<PushResult>> burst = new ArrayList<>();
            for (int i = 0; i < 4 + PushClient.QUEUE_CAPACITY; i++) {
                burst.add(client.send(PushRequest.of(client.settings(), "GET", "relay/0?turn=toggle")));
            }

            burst.forEach(f -> assertTrue(await(f).success(), () -> await(f).toString()));
            assertTrue(device.connectionCount() <= 4, "at most one connection per slot: " + device.connectionCount());
        }
    }
}
