package org.camalarm.push;

import java.util.function.Consumer;
import org.camalarm.time.ExecutorTimers;
import org.camalarm.time.Timers;

/**
 * Push clients and senders for tests, built the way the hub builds them: on one shared transport
 * and the real timers (no client of a test owns threads the hub's would not).
 */
final class TestPush {

    /** Shared by every test of the package, as the hub shares one; its threads are daemons. */
    static final SharedTransport TRANSPORT = new SharedTransport();

    static final Timers TIMERS = new ExecutorTimers();

    private TestPush() {}

    static PushClient client(DeviceSettings settings) {
        return client(settings, fingerprint -> {});
    }

    static PushClient client(DeviceSettings settings, Consumer<String> onNewCertificate) {
        return new PushClient(settings, onNewCertificate, TRANSPORT);
    }

    static PushCommandSender sender(DeviceSettings settings, DeviceFamily family) {
        return sender(settings, family, IntervalGate.off(), fingerprint -> {});
    }

    static PushCommandSender sender(
            DeviceSettings settings, DeviceFamily family, IntervalGate gate, Consumer<String> onNewCertificate) {
        return sender(settings, family, gate, onNewCertificate, TRANSPORT);
    }

    static PushCommandSender sender(
            DeviceSettings settings,
            DeviceFamily family,
            IntervalGate gate,
            Consumer<String> onNewCertificate,
            SharedTransport transport) {
        return new PushCommandSender(settings, family, gate, onNewCertificate, transport, TIMERS);
    }
}
