package org.camalarm.push;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Small helpers shared by the push tests. */
final class Pushes {

    private Pushes() {}

    /** Settings for a fake device on loopback. */
    static DeviceSettings loopback(Protocol protocol, int port) {
        return DeviceSettings.of(protocol, "127.0.0.1", port);
    }

    /** The result, waiting at most 10 s (the push itself has its own, shorter timeout). */
    static PushResult await(CompletableFuture<PushResult> future) {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("a push future must complete normally", e);
        }
    }

    static void assertResult(PushResult.Reason reason, String detail, PushResult result) {
        assertEquals(reason, result.reason(), () -> "result: " + result);
        assertEquals(detail, result.detail(), () -> "result: " + result);
        assertEquals(reason == PushResult.Reason.OK, result.success());
    }
}
