package org.camalarm.push;

import static org.camalarm.push.Pushes.assertResult;
import static org.camalarm.push.Pushes.await;
import static org.camalarm.push.Pushes.loopback;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Relays that answer {@code state.xml} with the XML alone, as ControlByWeb's manual says they do. */
class HeadlessReplyTest {

    /** The single-relay reply of the ControlByWeb manual (§5.1.1), no status line, no headers. */
    private static final String STATE_XML = "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\r\n<datavalues>\r\n"
            + "<relaystate>1</relaystate>\r\n<inputstate>0</inputstate>\r\n<rebootstate>0</rebootstate>\r\n"
            + "<totalreboots>0</totalreboots>\r\n</datavalues>\r\n";

    @Test
    void aStateXmlReplyWithoutHeadIsTheRelaysAnswer() throws Exception {
        try (RawDevice relay = new RawDevice(head -> STATE_XML, true);
                PushCommandSender sender =
                        TestPush.sender(loopback(Protocol.HTTP, relay.port()), new TwoNWebRelay(1, null))) {
            PushResult result = await(sender.send(SwitchCommand.ON));

            assertResult(
                    PushResult.Reason.OK,
                    "state.xml reply without an HTTP head, as ControlByWeb relays send it",
                    result);
            assertNull(result.status());
            assertTrue(result.body().contains("<relaystate>1</relaystate>"), result.body());
            assertTrue(
                    relay.heads().get(0).startsWith("GET /state.xml?relay1State=1 HTTP/1.1\r\nHost: 127.0.0.1:"),
                    relay.heads().get(0));
        }
    }

    /**
     * The relay keeps the connection open after its document. The push is allowed a 120 s timeout; it
     * must complete within {@link Pushes#await}'s 10 s, so it cannot have waited for the timeout or
     * the close: the document's end ended the reply (no timing-fine bound that load could break).
     */
    @Test
    void aRelayThatKeepsTheConnectionOpenIsNotWaitedFor() throws Exception {
        try (RawDevice relay = new RawDevice(head -> STATE_XML, false);
                PushCommandSender sender = TestPush.sender(
                        loopback(Protocol.HTTP, relay.port()).withTimeout(java.time.Duration.ofSeconds(120)),
                        new TwoNWebRelay(1, null))) {
            PushResult result = await(sender.send(SwitchCommand.PULSE));

            assertEquals(PushResult.Reason.OK, result.reason());
        }
    }

    @Test
    void garbageWithoutHeadFromTheRelayIsNoStatus() throws Exception {
        try (RawDevice relay = new RawDevice(head -> "\u0000\u0001garbage", true);
                PushCommandSender sender =
                        TestPush.sender(loopback(Protocol.HTTP, relay.port()), new TwoNWebRelay(2, null))) {
            assertResult(
                    PushResult.Reason.NO_STATUS,
                    "no HTTP status came back, and the reply is not a state.xml document",
                    await(sender.send(SwitchCommand.OFF)));
        }
    }

    @Test
    void theSameXmlFromAnyOtherDeviceStaysNoStatus() throws Exception {
        try (RawDevice shelly = new RawDevice(head -> STATE_XML, true);
                PushCommandSender sender = TestPush.sender(
                        loopback(Protocol.HTTP, shelly.port()), new ShellyGen1(0, ShellyKind.RELAY, null))) {
            PushResult result = await(sender.send(SwitchCommand.ON));

            assertEquals(PushResult.Reason.NO_STATUS, result.reason(), result.toString());
        }
    }

    @Test
    void aPasswordProtectedRelayIsAnsweredWithBasicAndThenSendsItsXml() throws Exception {
        String credentials = "Basic " + Base64.getEncoder().encodeToString("none:webrelay".getBytes());
        try (RawDevice relay = new RawDevice(
                        head -> head.contains("Authorization: " + credentials)
                                ? STATE_XML
                                : "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"WebRelay\"\r\n"
                                        + "Content-Length: 0\r\n\r\n",
                        true);
                PushCommandSender sender = TestPush.sender(
                        loopback(Protocol.HTTP, relay.port()).withCredentials("none", "webrelay"),
                        new TwoNWebRelay(1, null))) {
            assertEquals(
                    PushResult.Reason.OK, await(sender.send(SwitchCommand.ON)).reason());
            assertEquals(2, relay.heads().size());
            // the challenge is remembered: the next command sends the credentials at once
            assertEquals(
                    PushResult.Reason.OK, await(sender.send(SwitchCommand.OFF)).reason());
            assertEquals(3, relay.heads().size());
            assertTrue(relay.heads().get(2).contains(credentials));
        }
    }

    @Test
    void aRelayThatDoesSendAHeadIsJudgedByItsStatus() throws Exception {
        try (RawDevice relay = new RawDevice(
                        head -> "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 5\r\n\r\noops!", false);
                PushCommandSender sender =
                        TestPush.sender(loopback(Protocol.HTTP, relay.port()), new TwoNWebRelay(1, null))) {
            PushResult result = await(sender.send(SwitchCommand.ON));

            assertResult(PushResult.Reason.REJECTED, "HTTP 500 Internal Server Error", result);
            assertEquals(500, result.status());
            assertEquals(List.of("oops!"), List.of(result.body()));
        }
    }
}
