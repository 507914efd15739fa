package org.camalarm.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README as a newcomer follows it: the quick tour's shell blocks run as printed (only the port
 * differs) against a hub started from nothing, and every configuration file README shows loads
 * without a single warning.
 */
class ReadmeIT {

    private static final Path README = Path.of("README.md");
    private static final Pattern FENCE = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void theQuickTourRunsAsPrintedAndEveryConfigurationExampleLoadsCleanly() throws Exception {
        String readme = Files.readString(README);
        List<String> tour = blocks(section(readme, "## Quick tour"), "sh");
        List<String> files = blocks(readme, "properties");
        assertTrue(tour.size() >= 6, "the tour has its steps");
        assertTrue(files.size() >= 7, "README shows the configuration files");

        Hub hub = new Hub(dir);
        Path tokens = hub.userdata.resolve("camalarm/tokens.properties");
        try (hub) {
            hub.start(() -> token(tokens, "apiToken"));

            StringBuilder script = new StringBuilder("set -eu\ncd '" + dir + "'\n");
            for (String block : tour) {
                script.append(block.replace("localhost:8080", "127.0.0.1:" + hub.port))
                        .append('\n');
                if (block.contains("> conf/")) {
                    // the tour says files are picked up "within a few seconds": wait as a reader would
                    script.append("until curl -sf -o /dev/null -H \"Authorization: Bearer $apiToken\" "
                            + "http://127.0.0.1:" + hub.port + "/camalarm/api/things/camalarm:ivsec:gate;"
                            + " do sleep 0.2; done\n");
                }
            }
            String output = bash(script.toString());

            for (String status : statusLines(output)) {
                assertTrue(status.startsWith("HTTP/1.1 2"), status + " in:\n" + output);
            }
            assertEquals("PERSON", hub.state("camalarm:vigi:frontdoor", "lastEventType"));
            assertEquals("OFF", hub.state("camalarm:ivsec:gate", "motionAlarm"), "started, then stopped");
            assertEquals(
                    "Shed",
                    hub.thing("camalarm:vigi:vigi_98ba5f8b1004").get("label").getAsString());
            assertEquals(0, hub.inbox().size(), "approved and ignored: the inbox is clean");
            assertArrayEquals(
                    Files.readAllBytes(dir.resolve("snapshot.jpg")),
                    Files.readAllBytes(dir.resolve("latest.jpg")),
                    "the snapshot served is the one sent");

            int logBefore = hub.logText().length();
            List<String> uids = new ArrayList<>();
            for (String file : files) {
                Matcher name = Pattern.compile("\\A# conf/(camalarm\\.(2n-relay|2n-intercom|[a-z]+)-(\\S+)\\.cfg)\\n")
                        .matcher(file);
                assertTrue(name.find(), "a README configuration block starts with its file name: " + file);
                hub.writeConf(name.group(1), file);
                if (!name.group(2).equals("rule")) {
                    uids.add("camalarm:" + name.group(2) + ":" + name.group(3));
                }
            }
            for (String uid : uids) {
                hub.awaitThing(uid);
                JsonObject status = hub.thing(uid).getAsJsonObject("statusInfo");
                assertFalse(
                        "CONFIGURATION_ERROR".equals(status.get("statusDetail").getAsString()), uid + ": " + status);
            }
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> hub.logText().substring(logBefore).contains("Rule gateface active"));
            String log = hub.logText().substring(logBefore);
            assertTrue(log.contains("Rule porchlight active"), log);
            assertFalse(log.contains("WARN"), log);
            assertFalse(log.contains("ERROR"), log);
        }
    }

    private static String section(String readme, String heading) {
        int start = readme.indexOf(heading + "\n");
        int end = readme.indexOf("\n## ", start + heading.length());
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    private static List<String> blocks(String text, String language) {
        List<String> blocks = new ArrayList<>();
        Matcher fence = FENCE.matcher(text);
        while (fence.find()) {
            if (fence.group(1).equals(language)) {
                blocks.add(fence.group(2));
            }
        }
        return blocks;
    }

    private static List<String> statusLines(String output) {
        return Arrays.stream(output.split("\\r?\\n"))
                .filter(line -> line.startsWith("HTTP/1.1 "))
                .toList();
    }

    private String bash(String script) throws IOException, InterruptedException {
        Path file = dir.resolve("tour.sh");
        Files.writeString(file, script);
        Process process = new ProcessBuilder("bash", file.toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        boolean ended = process.waitFor(3, TimeUnit.MINUTES);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(ended, "the tour hung:\n" + output);
        assertEquals(0, process.exitValue(), "the tour failed:\n" + output);
        return output;
    }

    private static String token(Path file, String key) throws IOException {
        Properties tokens = new Properties();
        try (var in = Files.newInputStream(file)) {
            tokens.load(in);
        }
        return tokens.getProperty(key);
    }
}
