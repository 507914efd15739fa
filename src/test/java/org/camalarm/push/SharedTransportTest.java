package org.camalarm.push;

import static org.camalarm.push.Pushes.await;
import static org.camalarm.push.Pushes.loopback;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.camalarm.push.StatefulDevice.Kind;
import org.junit.jupiter.api.Test;

/** Many devices on one shared transport: their threads do not grow with them, and each keeps its own state. */
class SharedTransportTest {

    @Test
    void manyDevicesShareABoundedPoolAndOneHttpClient() throws Exception {
        List<StatefulDevice> relays = new ArrayList<>();
        List<PushCommandSender> senders = new ArrayList<>();
        try (SharedTransport shared = new SharedTransport()) {
            for (int i = 0; i < 20; i++) {
                StatefulDevice relay = StatefulDevice.start(Kind.SHELLY_GEN1);
                relays.add(relay);
                senders.add(new PushCommandSender(
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
            assertTrue(shared.threads() <= SharedTransport.THREADS, "threads: " + shared.threads());

            senders.remove(0).close(); // one device reconfigured: the others go on
            assertEquals(
                    SwitchState.ON,
                    await(senders.get(1).sendConfirmed(SwitchCommand.ON, null)).state());
        } finally {
            senders.forEach(PushCommandSender::close);
            relays.forEach(StatefulDevice::close);
        }
    }
}
