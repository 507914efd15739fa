package org.camalarm.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The start line names the address a user would type into a camera. */
class AlarmEndpointLogTest {

    private static String chosen(Object endpoints) {
        return AlarmEndpointLog.endpoints(endpoints).stream()
                .min(Comparator.comparingInt(AlarmEndpointLog::preference))
                .orElseThrow();
    }

    @Test
    void lanIpv4BeatsZonedIpv6AndLoopback() {
        assertEquals("http://192.168.1.5:8080/", chosen(new String[] {
            "http://[fd00:0:0:0:0:0:0:2%eth0]:8080/", "http://127.0.0.1:8080/", "http://192.168.1.5:8080/"
        }));
    }

    @Test
    void wildcardBindingIsShownAsThisHost() {
        assertEquals("http://<this host>:8181/", chosen(List.of("http://0.0.0.0:8181/")));
        assertEquals("http://<this host>:8181/", chosen("http://[::]:8181"));
    }

    @Test
    void loopbackOnlyHubStillNamesItsAddress() {
        assertEquals("http://127.0.0.1:8080/", chosen(new String[] {"http://127.0.0.1:8080/"}));
    }
}
