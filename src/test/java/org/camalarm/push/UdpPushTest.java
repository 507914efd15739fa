package org.camalarm.push;

import static org.camalarm.push.Pushes.assertResult;
import static org.camalarm.push.Pushes.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** UDP pushes: the datagram is the API Command text (the iVSEC format is undocumented: a guess) or the body. */
class UdpPushTest {

    @Test
    void sendsTheCommandTextAsOneDatagram() throws Exception {
        try (DatagramSocket listener = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            listener.setSoTimeout(10_000);
            DeviceSettings settings = DeviceSettings.of(Protocol.UDP, "127.0.0.1", listener.getLocalPort());
            GenericHttp family = new GenericHttp(Map.of(SwitchCommand.ON, GenericCommand.parse("GET relay/0?turn=on")));
            try (PushCommandSender sender = TestPush.sender(settings, family)) {
                PushResult result = await(sender.send(SwitchCommand.ON));
                PushResult withBody =
                        await(sender.send(GenericCommand.parse("POST x").withBody("ALARM 1 ON", null)));

                assertResult(PushResult.Reason.OK, "datagram sent (no reply expected)", result);
                assertNull(result.status());
                assertEquals("relay/0?turn=on", receive(listener));
                assertResult(PushResult.Reason.OK, "datagram sent (no reply expected)", withBody);
                assertEquals("ALARM 1 ON", receive(listener));
            }
        }
    }

    @Test
    void anUnknownHostIsUnreachable() {
        DeviceSettings settings = DeviceSettings.of(Protocol.UDP, "no-such-relay.invalid", 9999);
        try (PushClient client = TestPush.client(settings)) {
            PushResult result = await(client.send(PushRequest.of(settings, "GET", "relay/0?turn=on")));

            assertResult(PushResult.Reason.UNREACHABLE, "unknown host no-such-relay.invalid", result);
        }
    }

    private static String receive(DatagramSocket listener) throws Exception {
        DatagramPacket packet = new DatagramPacket(new byte[1500], 1500);
        listener.receive(packet);
        return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
    }
}
