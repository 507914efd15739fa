package org.camalarm.push;

import static org.awaitility.Awaitility.await;
import static org.camalarm.push.Pushes.assertResult;
import static org.camalarm.push.Pushes.loopback;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camalarm.push.FakeDevice.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** At most maxConcurrent pushes reach a device at once; a bounded number wait; beyond that: OVERLOADED. */
class PushConcurrencyTest {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private FakeDevice device;

    @BeforeEach
    void start() throws Exception {
        device = FakeDevice.http(request -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                release.await(10, TimeUnit.SECONDS);
            } finally {
                inFlight.decrementAndGet();
            }
            return Reply.of(200, "{\"ison\":true}");
        });
    }

    @AfterEach
    void stop() {
        release.countDown();
        device.close();
    }

    @Test
    void neverMoreThanMaxConcurrentInFlight() {
        DeviceSettings settings =
                loopback(Protocol.HTTP, device.port()).withMaxConcurrent(2).withTimeout(Duration.ofSeconds(10));
        try (PushClient client = TestPush.client(settings)) {
            List<CompletableFuture<PushResult>> results = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                results.add(client.send(PushRequest.of(settings, "GET", "relay/0?turn=on&n=" + i)));
            }

            await().atMost(Duration.ofSeconds(10)).until(() -> inFlight.get() == 2);
            assertEquals(2, device.requests().size(), "the other 8 wait in the client, not at the device");
            release.countDown();

            results.forEach(r -> assertResult(PushResult.Reason.OK, "HTTP 200 OK", Pushes.await(r)));
            assertEquals(2, maxInFlight.get());
            assertEquals(10, device.requests().size());
        }
    }

    @Test
    void beyondTheQueueAPushIsOverloaded() {
        DeviceSettings settings =
                loopback(Protocol.HTTP, device.port()).withMaxConcurrent(1).withTimeout(Duration.ofSeconds(10));
        try (PushClient client = TestPush.client(settings)) {
            List<CompletableFuture<PushResult>> accepted = new ArrayList<>();
            for (int i = 0; i < 1 + PushClient.QUEUE_CAPACITY; i++) {
                accepted.add(client.send(PushRequest.of(settings, "GET", "relay/0?turn=on")));
            }

            CompletableFuture<PushResult> extra = client.send(PushRequest.of(settings, "GET", "relay/0?turn=off"));

            assertTrue(extra.isDone(), "refused at once, not queued");
            assertResult(
                    PushResult.Reason.OVERLOADED, "too many pushes queued for this device (64)", Pushes.await(extra));
            release.countDown();
            accepted.forEach(r -> assertTrue(Pushes.await(r).success()));
            assertEquals(1, maxInFlight.get());
        }
    }

    @Test
    void closingRefusesWaitingPushesAndLetsRunningOnesFinish() {
        DeviceSettings settings =
                loopback(Protocol.HTTP, device.port()).withMaxConcurrent(1).withTimeout(Duration.ofSeconds(10));
        PushClient client = TestPush.client(settings);
        CompletableFuture<PushResult> running = client.send(PushRequest.of(settings, "GET", "a"));
        CompletableFuture<PushResult> waiting = client.send(PushRequest.of(settings, "GET", "b"));
        await().atMost(Duration.ofSeconds(10)).until(() -> inFlight.get() == 1);

        client.close();

        assertResult(
                PushResult.Reason.UNREACHABLE,
                "push client for 127.0.0.1:" + device.port() + " was closed",
                Pushes.await(waiting));
        release.countDown();
        assertResult(PushResult.Reason.OK, "HTTP 200 OK", Pushes.await(running));
    }
}
