package org.camalarm.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The addresses the setup assistant tells a user to type into a camera, best first. */
class SetupHostsTest {

    private static List<String> ordered(String browserHost, String... hosts) {
        return List.copyOf(SetupResource.ordered(browserHost, new LinkedHashSet<>(List.of(hosts))));
    }

    @Test
    void ipv4ComesBeforeIpv6AndNoAddressKeepsItsZone() {
        assertEquals(
                List.of("192.0.2.2", "[fd00::2]"),
                ordered(null, "[fd00:0:0:0:0:0:0:2%eth0]", "192.0.2.2", "[fe80:0:0:0:0:0:0:1%eth0]"),
                "a link-local address means nothing without its zone: not offered");
    }

    @Test
    void theAddressTheBrowserReachedTheHubOnStaysFirst() {
        assertEquals(
                List.of("[fd00::2]", "192.168.1.20", "hub.local"),
                ordered("[fd00::2]", "192.168.1.20", "[fd00::2]", "hub.local"));
    }

    @Test
    void ipv6IsOfferedInTheShortFormAUserTypes() {
        assertEquals("[fd00::2]", SetupResource.compressed("[fd00:0:0:0:0:0:0:2]"));
        assertEquals("[2001:db8::1:0:0:1]", SetupResource.compressed("[2001:0db8:0:0:1:0:0:1]"));
        assertEquals("[::1]", SetupResource.compressed("[0:0:0:0:0:0:0:1]"));
        assertEquals("[fd00::]", SetupResource.compressed("[fd00:0:0:0:0:0:0:0]"));
        assertEquals("[2001:db8:0:1:1:1:1:1]", SetupResource.compressed("[2001:db8:0:1:1:1:1:1]"));
        assertEquals("192.168.1.20", SetupResource.compressed("192.168.1.20"));
    }
}
