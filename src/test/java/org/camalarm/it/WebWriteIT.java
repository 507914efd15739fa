package org.camalarm.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.Color;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REST write side the web UI's forms use, against the real hub: things and rules through
 * Configuration Admin (files stay read-only), thing types for the forms, simulated alarms, bad
 * input answered 400/413 with {@code {"error","detail"}} (never 500), and the snapshot's ETag.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebWriteIT {

    private Hub hub;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        hub = Hub.withTokens(dir);
        hub.writeConf("camalarm.vigi-gate.cfg", "label=Gate\n");
        hub.writeConf(
                "camalarm.rule-filed.cfg",
                "when=camalarm:vigi:gate:humanAlarm\nthen=camalarm:http:none:on\ncommand=ON\ninterval=30\nenabled=false\n");
        hub.writeConf(
                "camalarm.rule-renamed.cfg",
                "thingId=evening\nwhen=camalarm:vigi:gate:humanAlarm\nthen=camalarm:http:none:on\ncommand=ON\n");
        hub.writeConf("camalarm.http-lamp.cfg", "host=127.0.0.1\nport=" + Hub.refusedPort() + "\ncommand.on=GET x\n");
        hub.writeConf(
                "camalarm.shelly-stairs.cfg", "label=Stairs light\nhost=127.0.0.1\nport=" + Hub.refusedPort() + "\n");
        hub.start();
        hub.awaitThing("camalarm:vigi:gate");
        hub.awaitThing("camalarm:http:lamp");
        hub.awaitThing("camalarm:shelly:stairs");
    }

    @AfterAll
    void stop() throws Exception {
        if (hub != null) {
            hub.close();
        }
    }

    /** A 400 or 413 in the API's error shape, naming {@code expected} in its detail. */
    private static void assertRefused(int status, String expected, HttpResponse<String> answer) {
        assertEquals(status, answer.statusCode(), answer.body());
        JsonObject json = JsonParser.parseString(answer.body()).getAsJsonObject();
        assertTrue(json.has("error"), answer.body());
        assertTrue(json.get("detail").getAsString().contains(expected), answer.body());
    }

    @Test
    void jsonValuesOfTheWrongKindAreA400NamingTheKeyNeverA500() throws Exception {
        assertRefused(400, "UID must be a text", hub.api("POST", "things", "{\"UID\":{}}"));
        assertRefused(400, "thingTypeUID must be a text", hub.api("POST", "things", "{\"thingTypeUID\":[]}"));
        assertRefused(
                400,
                "label must be a text",
                hub.api("POST", "things", "{\"thingTypeUID\":\"camalarm:vigi\",\"label\":{\"a\":1}}"));
        assertEquals(
                201,
                hub.api("POST", "things", "{\"UID\":\"camalarm:vigi:putme\",\"label\":\"Put me\"}")
                        .statusCode());
        assertRefused(400, "UID must be a text", hub.api("PUT", "things/camalarm:vigi:putme", "{\"UID\":{}}"));
        assertEquals(204, hub.api("DELETE", "things/camalarm:vigi:putme", null).statusCode());
        assertRefused(400, "id must be a text", hub.api("POST", "rules", "{\"id\":{}}"));
        assertRefused(400, "id must be a text", hub.api("POST", "rules", "{\"id\":[\"night\"]}"));
        assertRefused(
                400, "type must be a text", hub.api("POST", "things/camalarm:vigi:gate/simulate", "{\"type\":[]}"));
        assertRefused(400, "label must be a text", hub.api("POST", "inbox/camalarm:vigi:x/approve", "{\"label\":{}}"));
        assertRefused(400, "not valid JSON", hub.api("POST", "things", "{\"UID\":"));
        // strict JSON: what a lenient parser would guess at is refused, and no parser's advice is passed on
        for (String loose :
                List.of("{UID:'camalarm:vigi:loose'}", "{\"UID\":\"camalarm:vigi:loose\",\"label\":NaN}", "{} {}")) {
            HttpResponse<String> refused = hub.api("POST", "things", loose);
            assertEquals(400, refused.statusCode(), loose + " -> " + refused.body());
            assertFalse(refused.body().contains("Strictness") || refused.body().contains("github"), refused.body());
        }
        assertRefused(400, "has data after the JSON value", hub.api("POST", "rules", "{\"id\":\"x\"}]"));
        assertEquals(404, hub.api("GET", "things/camalarm:vigi:loose", null).statusCode());
        HttpResponse<String> typed = hub.raw(HttpRequest.newBuilder(hub.uri("/camalarm/auth/signin"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"user\":[\"admin\"],\"password\":{\"a\":1}}"))
                .build());
        assertEquals(400, typed.statusCode(), "a sign-in of the wrong shape is no wrong password: " + typed.body());
    }

    @Test
    void aBodyOverTheLimitIsA413NotInvalidJson() throws Exception {
        String big = "{\"UID\":\"camalarm:vigi:big\",\"label\":\"" + "x".repeat(70 * 1024) + "\"}";
        assertRefused(413, "larger than", hub.api("POST", "things", big));
        assertRefused(413, "larger than", hub.api("POST", "rules", big));
        assertRefused(413, "larger than", hub.api("POST", "things/camalarm:http:lamp/test", "x".repeat(5000)));
        assertEquals(404, hub.api("GET", "things/camalarm:vigi:big", null).statusCode());
    }

    @Test
    void theSnapshotHasAnETagAndIsRevalidatedWith304() throws Exception {
        byte[] jpeg = Jpegs.snapshot(64, 48, Color.ORANGE);
        HttpResponse<String> pushed = hub.push(
                "POST",
                "/gate",
                "multipart/form-data; boundary=ReportEventBoundary",
                BodyPublishers.ofByteArray(Jpegs.vigiMultipart(
                        "{\"event_list\":[{\"dateTime\":\"20261005150501\",\"event_type\":[\"PEOPLE\"]}]}", jpeg)));
        assertEquals(200, pushed.statusCode(), pushed.body());
        HttpRequest.Builder image = HttpRequest.newBuilder(hub.uri("/camalarm/api/things/camalarm:vigi:gate/image"))
                .header("Authorization", "Bearer " + Hub.API_TOKEN);
        HttpResponse<byte[]> first = http.send(image.build(), BodyHandlers.ofByteArray());
        assertEquals(200, first.statusCode());
        assertEquals(jpeg.length, first.body().length, "the snapshot as it came");
        assertEquals(
                "private, no-cache", first.headers().firstValue("Cache-Control").orElseThrow());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again =
                http.send(image.header("If-None-Match", etag).build(), BodyHandlers.ofByteArray());
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
    }

    @Test
    void thingsAreCreatedChangedAndDeletedThroughConfigurationAdminAndFilesStayReadOnly() throws Exception {
        HttpResponse<String> bad = hub.api(
                "POST",
                "things",
                "{\"UID\":\"camalarm:shelly:porch\",\"configuration\":{\"timeout\":\"soon\",\"hots\":\"x\"}}");
        assertEquals(400, bad.statusCode());
        JsonObject problems = JsonParser.parseString(bad.body()).getAsJsonObject();
        assertEquals("invalid_configuration", problems.get("error").getAsString());
        String detail = problems.get("detail").getAsString();
        assertTrue(
                detail.contains("host: is required")
                        && detail.contains("hots=x: unknown key; did you mean host?")
                        && detail.contains("timeout=soon: is not a number"),
                detail);

        // values of the right type that the thing would still refuse (it would go OFFLINE, and a camera
        // would answer its alarms 503): refused before they are saved, beside their key
        String[][] refused = {
            {"camalarm:shelly:porch", "{\"host\":\"127.0.0.1\",\"port\":70000}", "port"},
            {"camalarm:shelly:porch", "{\"host\":\"127.0.0.1\",\"index\":99}", "index"},
            {"camalarm:vigi:shed", "{\"holdTime\":-3}", "holdTime"},
            {"camalarm:vigi:shed", "{\"allowedAddresses\":\"not-an-ip\"}", "allowedAddresses"},
            {"camalarm:http:frob", "{\"host\":\"127.0.0.1\",\"command.frob\":\"FROB relay/0\"}", "command.frob"},
        };
        for (String[] c : refused) {
            HttpResponse<String> r =
                    hub.api("POST", "things", "{\"UID\":\"" + c[0] + "\",\"configuration\":" + c[1] + "}");
            assertEquals(400, r.statusCode(), c[1] + " -> " + r.body());
            assertTrue(r.body().contains(c[2]), c[1] + " -> " + r.body());
            assertNull(hub.thing(c[0]), "nothing saved for " + c[1]);
        }

        // every problem at once, each beside its field with the value it refers to
        HttpResponse<String> several = hub.api(
                "POST",
                "things",
                "{\"UID\":\"camalarm:vigi:shed\",\"configuration\":{\"mac\":\"zz-not-a-mac\",\"holdTime\":-5,"
                        + "\"allowedAddresses\":\"192.168.0.300, foo\",\"offlineAfter\":\"soon\"}}");
        assertEquals(400, several.statusCode());
        Map<String, String> byKey = new java.util.TreeMap<>();
        JsonParser.parseString(several.body())
                .getAsJsonObject()
                .getAsJsonArray("problems")
                .forEach(p -> byKey.put(
                        p.getAsJsonObject().get("key").getAsString(),
                        p.getAsJsonObject().get("value").isJsonNull()
                                ? null
                                : p.getAsJsonObject().get("value").getAsString()));
        assertEquals(List.of("allowedAddresses", "holdTime", "mac", "offlineAfter"), List.copyOf(byKey.keySet()));
        assertEquals("zz-not-a-mac", byKey.get("mac"));
        assertEquals("soon", byKey.get("offlineAfter"));

        HttpResponse<String> created = hub.api(
                "POST",
                "things",
                "{\"UID\":\"camalarm:shelly:porch\",\"thingTypeUID\":\"camalarm:shelly\",\"label\":\"Porch light\","
                        + "\"configuration\":{\"host\":\"127.0.0.1\",\"port\":9,\"generation\":1,\"password\":\"pw\"}}");
        assertEquals(201, created.statusCode(), created.body());
        hub.awaitThing("camalarm:shelly:porch");
        JsonObject porch = hub.thing("camalarm:shelly:porch");
        assertEquals("Porch light", porch.get("label").getAsString());
        assertTrue(porch.get("editable").getAsBoolean());
        assertEquals(
                "******", porch.getAsJsonObject("configuration").get("password").getAsString());
        assertEquals(
                409,
                hub.api("POST", "things", "{\"UID\":\"camalarm:vigi:porch\"}").statusCode(),
                "ids are unique across types");

        // a file written later for the same id is another configuration: refused with a warning, and
        // neither it nor its deletion touches what was made in the UI
        hub.writeConf("camalarm.shelly-porch.cfg", "label=From a file\nhost=127.0.0.2\n");
        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        hub.logText().contains("camalarm.shelly-porch.cfg: thing camalarm:shelly:porch not created"));
        assertEquals(
                "Porch light", hub.thing("camalarm:shelly:porch").get("label").getAsString());
        java.nio.file.Files.delete(hub.conf.resolve("camalarm.shelly-porch.cfg"));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> hub.logText().contains("Configuration removed: conf/camalarm.shelly-porch.cfg"));
        assertEquals(
                "Porch light", hub.thing("camalarm:shelly:porch").get("label").getAsString());

        HttpResponse<String> changed = hub.api(
                "PUT",
                "things/camalarm:shelly:porch",
                "{\"label\":\"Porch\",\"configuration\":{\"host\":\"127.0.0.1\",\"port\":9,\"generation\":1,"
                        + "\"password\":\"******\"}}");
        assertEquals(200, changed.statusCode(), changed.body());
        await().atMost(Duration.ofSeconds(15))
                .ignoreExceptions()
                .until(() -> "Porch"
                        .equals(hub.thing("camalarm:shelly:porch").get("label").getAsString()));
        assertEquals(
                "******",
                hub.thing("camalarm:shelly:porch")
                        .getAsJsonObject("configuration")
                        .get("password")
                        .getAsString(),
                "a masked secret sent back keeps its value");

        HttpResponse<String> fileThing = hub.api("PUT", "things/camalarm:vigi:gate", "{\"configuration\":{}}");
        assertEquals(409, fileThing.statusCode());
        assertTrue(fileThing.body().contains("conf/camalarm.vigi-gate.cfg"), fileThing.body());
        assertEquals(409, hub.api("DELETE", "things/camalarm:vigi:gate", null).statusCode());
        assertEquals(
                "conf/camalarm.vigi-gate.cfg",
                hub.thing("camalarm:vigi:gate").get("file").getAsString());

        assertEquals(
                204, hub.api("DELETE", "things/camalarm:shelly:porch", null).statusCode());
        await().atMost(Duration.ofSeconds(15)).until(() -> hub.thing("camalarm:shelly:porch") == null);
        assertEquals(
                404, hub.api("DELETE", "things/camalarm:shelly:porch", null).statusCode());
    }

    @Test
    void thingTypesDescribeEveryParameterForTheFormsInTheAskedLanguage() throws Exception {
        JsonArray types = JsonParser.parseString(
                        hub.api("GET", "thing-types", null).body())
                .getAsJsonArray();
        JsonObject vigi = type(types, "camalarm:vigi");
        assertEquals("camera", vigi.get("kind").getAsString());
        assertEquals("device", type(types, "camalarm:shelly").get("kind").getAsString());
        assertNull(type(types, "camalarm:rule"), "rules are not things");
        JsonObject hold = parameter(vigi, "holdTime");
        assertEquals("DECIMAL", hold.get("type").getAsString());
        assertEquals("10", hold.get("defaultValue").getAsString());
        JsonObject password = parameter(type(types, "camalarm:shelly"), "password");
        assertEquals("password", password.get("context").getAsString());
        assertTrue(parameter(type(types, "camalarm:shelly"), "host")
                .get("required")
                .getAsBoolean());
        assertEquals(
                "[http, https]",
                optionValues(parameter(type(types, "camalarm:shelly"), "protocol")),
                "a Shelly is offered the protocols it speaks");
        assertEquals("[http, https, udp]", optionValues(parameter(type(types, "camalarm:http"), "protocol")));

        HttpResponse<String> german = hub.raw(HttpRequest.newBuilder(hub.uri("/camalarm/api/thing-types"))
                .header("Authorization", "Bearer " + Hub.API_TOKEN)
                .header("Accept-Language", "de-DE,de;q=0.9")
                .build());
        String label = parameter(
                        type(JsonParser.parseString(german.body()).getAsJsonArray(), "camalarm:vigi"), "holdTime")
                .get("label")
                .getAsString();
        assertFalse(label.equals(hold.get("label").getAsString()), "German label: " + label);
    }

    private static JsonObject type(JsonArray types, String uid) {
        for (JsonElement t : types) {
            if (uid.equals(t.getAsJsonObject().get("UID").getAsString())) {
                return t.getAsJsonObject();
            }
        }
        return null;
    }

    private void assertRuleRefused(String key, String message, String then, String command) throws Exception {
        HttpResponse<String> refused = hub.api(
                "POST",
                "rules",
                "{\"id\":\"refused\",\"when\":\"camalarm:vigi:gate:humanAlarm\",\"then\":\"" + then
                        + "\",\"command\":\"" + command + "\"}");
        assertEquals(400, refused.statusCode(), refused.body());
        JsonObject problem = JsonParser.parseString(refused.body())
                .getAsJsonObject()
                .getAsJsonArray("problems")
                .get(0)
                .getAsJsonObject();
        assertEquals(key, problem.get("key").getAsString(), refused.body());
        assertEquals(message, problem.get("message").getAsString());
    }

    private static String optionValues(JsonObject parameter) {
        List<String> values = new ArrayList<>();
        parameter
                .getAsJsonArray("options")
                .forEach(o -> values.add(o.getAsJsonObject().get("value").getAsString()));
        return values.toString();
    }

    private static JsonObject parameter(JsonObject type, String name) {
        for (JsonElement p : type.getAsJsonArray("configParameters")) {
            if (name.equals(p.getAsJsonObject().get("name").getAsString())) {
                return p.getAsJsonObject();
            }
        }
        throw new AssertionError("no parameter " + name);
    }

    /** An answer's problems as a user reads them: {@code key=value: message}. */
    private static List<String> problems(HttpResponse<String> answer) {
        List<String> lines = new ArrayList<>();
        JsonParser.parseString(answer.body())
                .getAsJsonObject()
                .getAsJsonArray("problems")
                .forEach(p -> {
                    JsonObject problem = p.getAsJsonObject();
                    lines.add(problem.get("key").getAsString() + "="
                            + problem.get("value").getAsString() + ": "
                            + problem.get("message").getAsString());
                });
        return lines;
    }

    @Test
    void theSameIdCreatedByManyAtOnceIsCreatedOnceAndTheRestAreTold() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> rules = new ArrayList<>();
            List<Future<Integer>> things = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String rule = "{\"id\":\"race\",\"when\":\"camalarm:vigi:gate:humanAlarm\",\"state\":\"ON\","
                        + "\"then\":\"camalarm:http:x:on\",\"command\":\"ON\",\"interval\":" + (i + 1) + "}";
                String thing = "{\"UID\":\"camalarm:vigi:race\",\"label\":\"Race " + i + "\"}";
                rules.add(pool.submit(() -> hub.api("POST", "rules", rule).statusCode()));
                things.add(pool.submit(() -> hub.api("POST", "things", thing).statusCode()));
            }
            for (List<Future<Integer>> answers : List.of(rules, things)) {
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get());
                }
                assertEquals(
                        1, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
                assertEquals(
                        23, statuses.stream().filter(status -> status == 409).count(), statuses.toString());
            }
            // a list for a key that takes one value: refused, not cut to its first element
            HttpResponse<String> listed = hub.api(
                    "POST", "things", "{\"UID\":\"camalarm:vigi:listed\",\"configuration\":{\"holdTime\":[1,2]}}");
            assertEquals(400, listed.statusCode(), listed.body());
            assertTrue(listed.body().contains("takes one value, not a list"), listed.body());
            // an id another type holds: the answer names the holder, and every other problem with it
            HttpResponse<String> taken = hub.api(
                    "POST", "things", "{\"UID\":\"camalarm:vigi:stairs\",\"configuration\":{\"holdTime\":\"ten\"}}");
            assertEquals(409, taken.statusCode(), taken.body());
            assertEquals(
                    List.of(
                            "thingId=stairs: is already used by Stairs light (camalarm:shelly:stairs)",
                            "holdTime=ten: is not a number"),
                    problems(taken));
        } finally {
            pool.shutdownNow();
            hub.api("DELETE", "rules/race", null);
            hub.api("DELETE", "things/camalarm:vigi:race", null);
        }
    }

    @Test
    void rulesAreCreatedChangedAndDeletedAndFileRulesStayReadOnly() throws Exception {
        HttpResponse<String> bad = hub.api(
                "POST",
                "rules",
                "{\"id\":\"night\",\"when\":\"camalarm:vigi:gate:humanAlarm\",\"then\":\"camalarm:http:x:on\","
                        + "\"command\":\"ON\",\"schedule\":\"Mon-Fri 18:00\"}");
        assertEquals(400, bad.statusCode());
        JsonObject problem = JsonParser.parseString(bad.body())
                .getAsJsonObject()
                .getAsJsonArray("problems")
                .get(0)
                .getAsJsonObject();
        assertEquals("schedule", problem.get("key").getAsString());
        assertFalse(
                problem.get("message").getAsString().startsWith("schedule"), "said once, beside the field: " + problem);

        // a device that is there and cannot take the command: it would fail at every firing
        assertRuleRefused(
                "command", "power takes ON, OFF, TOGGLE or PULSE, not 'ONN'", "camalarm:shelly:stairs:power", "ONN");
        assertRuleRefused("then", "Gate (camalarm:vigi:gate) takes no commands", "camalarm:vigi:gate:humanAlarm", "ON");

        String rule = "{\"id\":\"night\",\"when\":\"camalarm:vigi:gate:humanAlarm\",\"state\":\"ON\","
                + "\"then\":\"camalarm:http:x:on\",\"command\":\"ON\",\"schedule\":\"Mon-Fri 18:00-07:00\"}";
        HttpResponse<String> created = hub.api("POST", "rules", rule);
        assertEquals(201, created.statusCode());
        assertEquals( // a device not there (yet): taken, and said
                "[\"then: camalarm:http:x is no thing (now)\"]",
                JsonParser.parseString(created.body())
                        .getAsJsonObject()
                        .get("warnings")
                        .toString());
        HttpResponse<String> again =
                hub.api("POST", "rules", rule.replace("ON\",\"schedule", "ON\",\"interval\":\"soon\",\"schedule"));
        assertEquals(409, again.statusCode());
        assertEquals(
                List.of("id=night: is already used by another rule", "interval=soon: is not a number"),
                problems(again),
                "the taken id and what else is wrong, at once");
        JsonObject night = JsonParser.parseString(
                        hub.api("GET", "rules/night", null).body())
                .getAsJsonObject();
        assertEquals(
                "Mon-Fri 18:00-07:00",
                night.getAsJsonObject("configuration").get("schedule").getAsString());
        assertTrue(night.get("editable").getAsBoolean());
        assertEquals(
                200,
                hub.api("PUT", "rules/night", rule.replace("}", ",\"interval\":60,\"enabled\":false}"))
                        .statusCode());
        assertTypedAsTheMetatypeSays(hub.api("GET", "rules/night", null).body(), "60", "false");

        assertEquals(
                200,
                hub.api("PUT", "rules/night", rule.replace("\"ON\",\"schedule", "\"OFF\",\"schedule"))
                        .statusCode());
        JsonObject changed = JsonParser.parseString(
                        hub.api("GET", "rules/night", null).body())
                .getAsJsonObject();
        assertEquals(
                "OFF", changed.getAsJsonObject("configuration").get("command").getAsString());

        JsonObject filed = JsonParser.parseString(
                        hub.api("GET", "rules/filed", null).body())
                .getAsJsonObject();
        assertFalse(filed.get("editable").getAsBoolean());
        assertTypedAsTheMetatypeSays(filed.toString(), "30", "false"); // a file's texts alike
        assertEquals("conf/camalarm.rule-filed.cfg", filed.get("file").getAsString());
        assertEquals(409, hub.api("DELETE", "rules/filed", null).statusCode());

        // rule-renamed.cfg makes rule "evening" (its thingId) from the configuration named "renamed":
        // a new rule "renamed" is another configuration, and the file's rule stays as it is
        assertEquals(
                201,
                hub.api("POST", "rules", rule.replace("\"night\"", "\"renamed\""))
                        .statusCode());
        HttpResponse<String> evening = hub.api("GET", "rules/evening", null);
        assertEquals(200, evening.statusCode(), "the file's rule is still there");
        assertEquals(
                "camalarm:http:none:on",
                JsonParser.parseString(evening.body())
                        .getAsJsonObject()
                        .getAsJsonObject("configuration")
                        .get("then")
                        .getAsString(),
                "the file's rule is unchanged");
        assertEquals(204, hub.api("DELETE", "rules/renamed", null).statusCode());
        assertEquals(200, hub.api("GET", "rules/evening", null).statusCode());
        assertEquals(204, hub.api("DELETE", "rules/night", null).statusCode());
        assertEquals(404, hub.api("GET", "rules/night", null).statusCode());
    }

    @Test
    void simulatedAlarmsNeedACameraAndAnEventType() throws Exception {
        assertEquals(
                400, hub.api("POST", "things/camalarm:vigi:gate/simulate", "{}").statusCode());
        assertEquals(
                400,
                hub.api("POST", "things/camalarm:vigi:gate/simulate", "{\"type\":\"<b>\"}")
                        .statusCode());
        assertEquals(
                404,
                hub.api("POST", "things/camalarm:vigi:nothing/simulate", "{\"type\":\"PERSON\"}")
                        .statusCode());
        HttpResponse<String> ok = hub.api("POST", "things/camalarm:vigi:gate/simulate", "{\"type\":\"PEOPLE\"}");
        assertEquals(200, ok.statusCode());
        assertEquals(
                "PERSON",
                JsonParser.parseString(ok.body()).getAsJsonObject().get("type").getAsString());
        assertTrue(hub.state("camalarm:vigi:gate", "lastEventData").contains("\"simulated\":true"));
        assertTrue(JsonParser.parseString(ok.body())
                .getAsJsonObject()
                .get("recorded")
                .getAsBoolean());
        JsonObject event = hub.events("thing=camalarm:vigi:gate&kind=alarm")
                .getAsJsonArray("events")
                .get(0)
                .getAsJsonObject();
        assertEquals("PERSON", event.get("type").getAsString(), "in the history, as a pushed alarm would be");
        assertTrue(event.get("data").getAsString().contains("\"simulated\":true"), event.toString());
    }

    /** Numbers and switches as JSON numbers and booleans, as things' configurations are, not texts. */
    private static void assertTypedAsTheMetatypeSays(String rule, String interval, String enabled) {
        JsonObject configuration =
                JsonParser.parseString(rule).getAsJsonObject().getAsJsonObject("configuration");
        assertEquals(interval, configuration.get("interval").toString(), rule);
        assertEquals(enabled, configuration.get("enabled").toString(), rule);
        assertEquals("\"ON\"", configuration.get("command").toString(), rule);
    }
}
