package org.camalarm.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hub's first start from nothing: default configuration, generated tokens, the start line. */
class HubStartIT {

    @TempDir
    Path dir;

    @Test
    void firstStartCreatesConfigurationAndTokensAndNeverLogsThem() throws Exception {
        Hub hub = new Hub(dir);
        // no conf/ yet: the hub must make one; the API token is known once the hub has generated it
        Path tokensFile = hub.userdata.resolve("camalarm/tokens.properties");
        long started = System.nanoTime();
        try (hub) {
            hub.start(() -> tokens(tokensFile).getProperty("apiToken"));
            System.out.printf("hub start-to-ready: %d ms%n", (System.nanoTime() - started) / 1_000_000);

            String serverCfg = Files.readString(hub.conf.resolve("camalarm.server.cfg"));
            assertTrue(serverCfg.contains("#alarmToken="), serverCfg);
            assertTrue(serverCfg.contains("#maxBodyBytes=10485760"), serverCfg);

            Properties tokens = tokens(tokensFile);
            String alarmToken = tokens.getProperty("alarmToken");
            String apiToken = tokens.getProperty("apiToken");
            assertEquals(32, alarmToken.length());
            assertEquals(32, apiToken.length());

            String log = hub.logText();
            assertTrue(log.contains("INFO") && log.contains("/camalarm/alarm/<alarmToken>"), log);
            assertTrue(log.contains(tokensFile.toString()), log);
            assertFalse(log.contains(alarmToken), "alarm token logged");
            assertFalse(log.contains(apiToken), "API token logged");
            assertFalse(log.contains("ERROR"), log);

            // device passwords (Configuration Admin's store), tokens and snapshots: this user's only
            for (String dir : List.of("config", "camalarm")) {
                assertEquals(
                        "rwx------",
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(hub.userdata.resolve(dir))),
                        dir);
            }

            // the hub's own address leads to the web UI; a path nobody serves says where the UI is
            HttpResponse<String> root = hub.get("/", null);
            assertEquals(302, root.statusCode());
            assertEquals(
                    hub.uri("/camalarm/ui/"),
                    hub.uri("/").resolve(root.headers().firstValue("Location").orElseThrow()));
            HttpResponse<String> elsewhere = hub.get("/ui", null);
            assertEquals(404, elsewhere.statusCode());
            assertTrue(elsewhere.body().contains("/camalarm/ui/"), elsewhere.body());
            // a camera whose path lacks /camalarm: the log says which path it needs, the token masked
            int pushed = hub.raw(java.net.http.HttpRequest.newBuilder(hub.uri("/alarm/" + alarmToken + "/door"))
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                            .build())
                    .statusCode();
            assertEquals(404, pushed);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> hub.logText()
                            .contains("A POST to \"/alarm/<alarmToken>/door\" from 127.0.0.1 reached no camalarm"
                                    + " address"));

            // the generated alarm token is the one the alarm endpoint takes
            assertEquals(200, status(hub, "/camalarm/alarm/" + alarmToken + "/x/MOTION"));

            // choosing a token in camalarm.server.cfg applies within 3 s, without a restart
            hub.writeConf("camalarm.server.cfg", serverCfg + "alarmToken=chosen-token\n");
            await().atMost(Duration.ofSeconds(3))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> status(hub, "/camalarm/alarm/chosen-token/x/MOTION") == 200);
            assertEquals(404, status(hub, "/camalarm/alarm/" + alarmToken + "/x/MOTION"));
            // a camera with the old (or a mistyped) token is told in the log, without the token
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> hub.logText().contains("A push from 127.0.0.1 carried a wrong alarm token (404"));
            assertFalse(hub.logText().contains(alarmToken), "the alarm token is never logged");

            // SIGTERM (a service manager's stop) is said in the log, so a stop does not read like a crash
            hub.close();
            String stopped = hub.logText();
            assertTrue(stopped.contains("camalarm hub: stopping on a shutdown signal"), stopped);
            assertTrue(stopped.matches("(?s).*camalarm hub: stopped in \\d+ ms.*"), stopped);
        }
    }

    private static int status(Hub hub, String path) throws Exception {
        return hub.raw(java.net.http.HttpRequest.newBuilder(hub.uri(path)).GET().build())
                .statusCode();
    }

    private static Properties tokens(Path file) throws java.io.IOException {
        Properties tokens = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            tokens.load(in);
        }
        return tokens;
    }
}
