package org.camalarm.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camalarm.config.TestConfigs;
import org.camalarm.http.HubEndpoints;
import org.camalarm.userdata.TokenStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start line names the address a user would type into a camera. */
class AlarmEndpointLogTest {

    private static String chosen(List<String> endpoints) {
        return AlarmEndpointLog.shown(endpoints).stream()
                .min(Comparator.comparingInt(AlarmEndpointLog::preference))
                .orElseThrow();
    }

    @Test
    void lanIpv4BeatsZonedIpv6AndLoopback() {
        assertEquals(
                "http://192.168.1.5:8080/",
                chosen(List.of(
                        "http://[fd00:0:0:0:0:0:0:2%eth0]:8080/",
                        "http://127.0.0.1:8080/", "http://192.168.1.5:8080/")));
    }

    @Test
    void wildcardBindingIsShownAsThisHost() {
        assertEquals("http://<this host>:8181/", chosen(List.of("http://0.0.0.0:8181/")));
        assertEquals("http://<this host>:8181/", chosen(List.of("http://[::]:8181")));
    }

    @Test
    void loopbackOnlyHubStillNamesItsAddress() {
        assertEquals("http://127.0.0.1:8080/", chosen(List.of("http://127.0.0.1:8080/")));
    }

    @TempDir
    Path dir;

    @Test
    void theLineWaitsForTheAddressPaxWebPublishesAfterRegisteringAndIsSaidOncePerAddress() {
        AlarmEndpointLog log = new AlarmEndpointLog(
                new ServerSettings(
                        new TokenStore(dir.resolve("tokens.properties")),
                        TestConfigs.reader(),
                        Map.of("alarmToken", "tok")),
                new HubEndpoints());

        // Pax Web at registration, in Karaf and after every container restart
        assertNull(log.lineFor(List.of("/")));

        String line = log.lineFor(List.of("http://0.0.0.0:8181/"));
        assertTrue(
                line.startsWith("Alarm server ready: cameras push to http://<this host>:8181/camalarm/alarm/"), line);
        assertTrue(line.contains("REST API at http://<this host>:8181/camalarm/api/"), line);
        assertTrue(line.contains("web UI at http://<this host>:8181/camalarm/ "), line);
        assertNull(log.lineFor(List.of("http://0.0.0.0:8181/")), "a servlet change says nothing new");

        String moved = log.lineFor(List.of("http://0.0.0.0:8182/", "https://0.0.0.0:8443/"));
        assertTrue(moved.contains("push to http://<this host>:8182/camalarm/alarm/"), moved);
        assertTrue(moved.contains("(HTTPS: https://<this host>:8443/camalarm/alarm/...)"), moved);

        assertNull(log.lineFor(List.of()), "the runtime went away");
        assertTrue(log.lineFor(List.of("http://0.0.0.0:8182/")) != null, "a runtime that came back");
    }
}
