package org.camalarm.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camalarm.config.TestConfigs;
import org.camalarm.userdata.TokenStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.http.runtime.HttpServiceRuntimeConstants;

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

    @TempDir
    Path dir;

    private static Map<String, Object> runtime(Object endpoints) {
        return Map.of(HttpServiceRuntimeConstants.HTTP_SERVICE_ENDPOINT, endpoints);
    }

    @Test
    void theLineWaitsForTheAddressPaxWebPublishesAfterRegisteringAndIsSaidOncePerAddress() {
        AlarmEndpointLog log = new AlarmEndpointLog(new ServerSettings(
                new TokenStore(dir.resolve("tokens.properties")), TestConfigs.reader(), Map.of("alarmToken", "tok")));

        log.runtimeBound(runtime("/")); // Pax Web at registration, in Karaf and after every container restart
        assertNull(log.lineFor(runtime("/")));

        String line = log.lineFor(runtime(new String[] {"http://0.0.0.0:8181/"}));
        assertTrue(
                line.startsWith("Alarm server ready: cameras push to http://<this host>:8181/camalarm/alarm/"), line);
        assertTrue(line.contains("REST API at http://<this host>:8181/camalarm/api/"), line);
        assertTrue(line.contains("web UI at http://<this host>:8181/camalarm/ "), line);
        assertNull(log.lineFor(runtime(new String[] {"http://0.0.0.0:8181/"})), "a servlet change says nothing new");

        String moved = log.lineFor(runtime(new String[] {"http://0.0.0.0:8182/", "https://0.0.0.0:8443/"}));
        assertTrue(moved.contains("push to http://<this host>:8182/camalarm/alarm/"), moved);
        assertTrue(moved.contains("(HTTPS: https://<this host>:8443/camalarm/alarm/...)"), moved);

        log.runtimeGone(runtime(new String[] {"http://0.0.0.0:8182/"}));
        assertTrue(log.lineFor(runtime(new String[] {"http://0.0.0.0:8182/"})) != null, "a runtime that came back");
    }
}
