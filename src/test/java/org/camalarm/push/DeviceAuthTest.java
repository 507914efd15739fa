package org.camalarm.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceAuthTest {

    private static final List<AuthChallenge> DIGEST_AND_BASIC = AuthChallenge.parseAll(
            List.of("Basic realm=\"r\"", "Digest realm=\"r\", nonce=\"n1\", qop=\"auth\", algorithm=MD5"));
    private static final DeviceSettings SETTINGS =
            DeviceSettings.of(Protocol.HTTP, "h", 0).withCredentials("u", "p");

    @Test
    void autoPrefersDigestAndRemembersTheChallenge() {
        DeviceAuth auth = new DeviceAuth(SETTINGS);
        assertTrue(auth.preemptive("GET", "/a", null).isEmpty());

        DeviceAuth.Answer answer = auth.answer(DIGEST_AND_BASIC, "GET", "/a", null);

        assertTrue(answer.header().startsWith("Digest username=\"u\""), answer.header());
        assertTrue(answer.header().contains("nc=00000001"));
        DeviceAuth.Header next = auth.preemptive("GET", "/b", null).orElseThrow();
        assertTrue(next.remembered());
        assertTrue(next.value().contains("nonce=\"n1\"") && next.value().contains("nc=00000002"), next.value());
    }

    @Test
    void takesTheNextNonceFromAuthenticationInfo() {
        DeviceAuth auth = new DeviceAuth(SETTINGS);
        auth.answer(DIGEST_AND_BASIC, "GET", "/a", null);

        auth.onAuthenticationInfo(List.of("nextnonce=\"n2\", qop=auth, rspauth=\"x\", cnonce=\"c\", nc=00000001"));

        String next = auth.preemptive("GET", "/b", null).orElseThrow().value();
        assertTrue(next.contains("nonce=\"n2\"") && next.contains("nc=00000001"), next);
    }

    @Test
    void forgettingDropsPreAuthentication() {
        DeviceAuth auth = new DeviceAuth(SETTINGS);
        auth.answer(DIGEST_AND_BASIC, "GET", "/a", null);

        auth.forget();

        assertTrue(auth.preemptive("GET", "/a", null).isEmpty());
    }

    @Test
    void basicModeSendsBasicUpFrontAndRefusesDigestOnlyDevices() {
        DeviceAuth auth = new DeviceAuth(SETTINGS.withAuthMode(AuthMode.BASIC));

        DeviceAuth.Header header = auth.preemptive("GET", "/", null).orElseThrow();

        assertEquals("Basic dTpw", header.value());
        assertFalse(header.remembered());
        assertEquals(
                "device asks for Digest authentication but the auth mode is BASIC",
                auth.answer(AuthChallenge.parseAll(List.of("Digest realm=\"r\", nonce=\"n\"")), "GET", "/", null)
                        .failure());
    }

    @Test
    void namesChallengesItCannotAnswer() {
        DeviceAuth auth = new DeviceAuth(SETTINGS);

        assertEquals(
                "device offers no supported authentication (Negotiate, Bearer)",
                auth.answer(AuthChallenge.parseAll(List.of("Negotiate", "Bearer realm=\"x\"")), "GET", "/", null)
                        .failure());
        assertEquals(
                "device offers no supported authentication (no challenge)",
                auth.answer(List.of(), "GET", "/", null).failure());
    }
}
