package org.camalarm.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What REST and the UI show of a push target's configuration: no secrets, no framework keys. */
class TargetPropertiesTest {

    @Test
    void passwordsAndSecretQueryValuesAreMaskedAndFrameworkKeysHidden() {
        Map<String, Object> shown = new TargetProperties(Map.of(
                        "host",
                        "10.0.0.9",
                        "password",
                        "hunter2",
                        "command.on",
                        "GET cgi/relay?user=admin&pwd=hunter2&state=1",
                        "command.key",
                        "POST x?apiKey=abc",
                        "service.pid",
                        "camalarm.http~x",
                        "osgi.ds.satisfying.condition.target",
                        "(x=y)",
                        "felix.fileinstall.filename",
                        "file:/conf/x.cfg"))
                .shown();

        assertEquals("******", shown.get("password"));
        assertEquals("GET cgi/relay?user=admin&pwd=******&state=1", shown.get("command.on"));
        assertEquals("POST x?apiKey=******", shown.get("command.key"));
        assertEquals(
                Map.of(
                        "host",
                        "10.0.0.9",
                        "password",
                        "******",
                        "command.on",
                        "GET cgi/relay?user=admin&pwd=******&state=1",
                        "command.key",
                        "POST x?apiKey=******"),
                shown);
        assertFalse(shown.toString().contains("hunter2"));
    }
}
