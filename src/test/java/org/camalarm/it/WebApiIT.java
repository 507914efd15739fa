package org.camalarm.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the web UI stands on, over plain HTTP against the real hub: the generated UI password,
 * sign-in with its cookie, CSRF and rate limit, the live event stream with resume, the UI's files
 * with compression and caching, and the REST write side (things and rules through Configuration
 * Admin, thing types, simulated alarms).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebApiIT {

    private Hub hub;
    private final HttpClient http = HttpClient.newBuilder().build();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        hub = Hub.withTokens(dir); // no uiPassword: the hub generates one
        hub.writeConf("camalarm.vigi-gate.cfg", "label=Gate\n");
        hub.writeConf(
                "camalarm.rule-filed.cfg",
                "when=camalarm:vigi:gate:humanAlarm\nthen=camalarm:http:none:on\ncommand=ON\n");
        hub.start();
        hub.awaitThing("camalarm:vigi:gate");
    }

    @AfterAll
    void stop() throws Exception {
        if (hub != null) {
            hub.close();
        }
    }

    private String uiPassword() throws Exception {
        Properties tokens = new Properties();
        try (InputStream in = Files.newInputStream(hub.userdata.resolve("camalarm/tokens.properties"))) {
            tokens.load(in);
        }
        return tokens.getProperty("uiPassword");
    }

    private HttpResponse<String> signIn(String password, String from) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(hub.uri("/camalarm/auth/signin"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"user\":\"admin\",\"password\":\"" + password + "\"}"));
        if (from != null) {
            b.header("X-Forwarded-Proto", from);
        }
        return http.send(b.build(), BodyHandlers.ofString());
    }

    /** A signed-in session: {cookie, csrfToken}. */
    private String[] session() throws Exception {
        HttpResponse<String> r = signIn(uiPassword(), null);
        assertEquals(200, r.statusCode(), r.body());
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        return new String[] {
            cookie,
            JsonParser.parseString(r.body()).getAsJsonObject().get("csrfToken").getAsString()
        };
    }

    private HttpResponse<String> withCookie(String method, String path, String cookie, String csrf, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(hub.uri(path))
                .header("Cookie", cookie)
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        return http.send(b.build(), BodyHandlers.ofString());
    }

    @Test
    void theUiPasswordIsGeneratedBesideTheTokensAndNeverLogged() throws Exception {
        String password = uiPassword();
        assertNotNull(password);
        assertTrue(password.length() >= 32, password);
        assertFalse(hub.logText().contains(password), "the log shows the UI password");
        assertFalse(hub.api("GET", "things", null).body().contains(password));
    }

    @Test
    void signingInSetsAStrictHttpOnlyCookieAndSigningOutEndsTheSession() throws Exception {
        HttpResponse<String> r = signIn(uiPassword(), null);
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.matches("camalarm_session=[\\w-]{40,}; Path=/camalarm/; HttpOnly; SameSite=Strict"), cookie);
        String secure =
                signIn(uiPassword(), "https").headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(secure.endsWith("; Secure"), secure);

        String[] session = session();
        assertEquals(
                200,
                withCookie("GET", "/camalarm/api/things", session[0], null, null)
                        .statusCode());
        assertEquals(
                "admin",
                JsonParser.parseString(withCookie("GET", "/camalarm/auth/session", session[0], null, null)
                                .body())
                        .getAsJsonObject()
                        .get("user")
                        .getAsString());
        assertEquals(
                403,
                withCookie("POST", "/camalarm/auth/signout", session[0], null, null)
                        .statusCode());
        HttpResponse<String> out = withCookie("POST", "/camalarm/auth/signout", session[0], session[1], null);
        assertEquals(204, out.statusCode());
        assertTrue(out.headers().firstValue("Set-Cookie").orElseThrow().contains("Max-Age=0"));
        assertEquals(
                401,
                withCookie("GET", "/camalarm/api/things", session[0], null, null)
                        .statusCode());
    }

    @Test
    void aStateChangingCallWithTheCookieNeedsTheCsrfTokenAndTheBearerTokenKeepsWorking() throws Exception {
        String[] session = session();
        String path = "/camalarm/api/things/camalarm:vigi:gate/simulate";
        HttpResponse<String> refused = withCookie("POST", path, session[0], null, "{\"type\":\"FACE\"}");
        assertEquals(403, refused.statusCode());
        assertEquals(
                "csrf",
                JsonParser.parseString(refused.body())
                        .getAsJsonObject()
                        .get("error")
                        .getAsString());
        assertEquals(
                403,
                withCookie("POST", path, session[0], "forged", "{\"type\":\"FACE\"}")
                        .statusCode());
        assertEquals("OFF", hub.state("camalarm:vigi:gate", "faceDetected"), "a refused call changed nothing");
        assertEquals(
                200,
                withCookie("POST", path, session[0], session[1], "{\"type\":\"FACE\"}")
                        .statusCode());
        assertEquals("ON", hub.state("camalarm:vigi:gate", "faceDetected"));
        assertEquals(
                200,
                hub.api("POST", "things/camalarm:vigi:gate/simulate", "{\"type\":\"MOTION\"}")
                        .statusCode());
        assertEquals(
                401,
                withCookie("GET", "/camalarm/api/things", "camalarm_session=made-up", null, null)
                        .statusCode());
    }

    @Test
    void repeatedWrongPasswordsAreSlowedDownWith429() throws Exception {
        // a proxy's address stands for a guesser elsewhere: the limit counts per sender address
        int refused = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < 8; i++) {
            last = signIn("guess" + i, null);
            if (last.statusCode() == 429) {
                break;
            }
            assertEquals(401, last.statusCode());
            refused++;
        }
        assertEquals(5, refused, "five wrong passwords are answered, then the sender must wait");
        assertEquals(429, last.statusCode());
        assertTrue(Integer.parseInt(last.headers().firstValue("Retry-After").orElseThrow()) > 0);
        assertEquals(429, signIn(uiPassword(), null).statusCode(), "even the right password waits");
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> signIn(uiPassword(), null).statusCode() == 200);
    }

    @Test
    void theUiIsServedCompressedWithETagsAndImmutableLibraries() throws Exception {
        HttpResponse<String> root =
                http.send(HttpRequest.newBuilder(hub.uri("/camalarm/")).build(), BodyHandlers.ofString());
        assertEquals(302, root.statusCode());
        assertEquals(
                hub.uri("/camalarm/ui/").toString(),
                root.headers().firstValue("Location").orElseThrow());

        HttpResponse<byte[]> index = get("/camalarm/ui/", "gzip", null);
        assertEquals(200, index.statusCode());
        assertEquals("gzip", index.headers().firstValue("Content-Encoding").orElseThrow());
        assertEquals("no-cache", index.headers().firstValue("Cache-Control").orElseThrow());
        String csp = index.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("script-src 'self' 'sha256-"), csp);
        String etag = index.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, get("/camalarm/ui/", "gzip", etag).statusCode());
        HttpResponse<byte[]> plain = get("/camalarm/ui/index.html", null, null);
        assertNull(plain.headers().firstValue("Content-Encoding").orElse(null));
        assertTrue(new String(plain.body(), StandardCharsets.UTF_8).contains("<cam-app>"));
        assertFalse(etag.equals(plain.headers().firstValue("ETag").orElseThrow()), "one ETag per representation");

        HttpResponse<byte[]> lit = get("/camalarm/ui/webjars/lit-html/3.3.2/lit-html.js", "gzip", null);
        assertEquals(200, lit.statusCode());
        assertEquals(
                "public, max-age=31536000, immutable",
                lit.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals(
                "text/javascript;charset=utf-8",
                lit.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(lit.body().length < 4000, "lit-html is served gzipped: " + lit.body().length);

        HttpResponse<byte[]> missing = get("/camalarm/ui/nothing.js", null, null);
        HttpResponse<byte[]> unknown = get("/camalarm/nothing", null, null);
        assertEquals(404, missing.statusCode());
        assertEquals(
                new String(unknown.body(), StandardCharsets.UTF_8), new String(missing.body(), StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> get(String path, String encoding, String etag) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(hub.uri(path));
        if (encoding != null) {
            b.header("Accept-Encoding", encoding);
        }
        if (etag != null) {
            b.header("If-None-Match", etag);
        }
        return http.send(b.build(), BodyHandlers.ofByteArray());
    }

    @Test
    void theEventStreamCarriesStateChangesAndResumesFromLastEventId() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpResponse<InputStream> stream = http.send(
                HttpRequest.newBuilder(hub.uri("/camalarm/api/events/stream"))
                        .header("Authorization", "Bearer " + Hub.API_TOKEN)
                        .build(),
                BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        assertEquals(
                "text/event-stream;charset=utf-8",
                stream.headers().firstValue("Content-Type").orElseThrow());
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                // closed at the end of the test
            }
        });
        reader.setDaemon(true);
        reader.start();
        String helloId = next(lines, "id: ");
        assertEquals("event: hello", lines.poll(10, TimeUnit.SECONDS));

        assertEquals(
                200,
                hub.api("POST", "things/camalarm:vigi:gate/simulate", "{\"type\":\"LCD\"}")
                        .statusCode());
        String data = nextData(lines, "\"channel\":\"lineCrossingAlarm\"");
        JsonObject state = JsonParser.parseString(data).getAsJsonObject();
        assertEquals("camalarm:vigi:gate", state.get("thingUID").getAsString());
        assertEquals("ON", state.get("state").getAsString());
        stream.body().close();

        // a client that was away gets what it missed, coalesced to the latest state per channel
        assertEquals(
                200,
                hub.api("POST", "things/camalarm:vigi:gate/simulate", "{\"type\":\"TAMPER\"}")
                        .statusCode());
        String resumed = readFor(helloId.substring(4), 3);
        assertTrue(resumed.contains("\"channel\":\"tamperAlarm\",") && resumed.contains("\"state\":\"ON\""), resumed);
        assertTrue(resumed.contains("\"channel\":\"lastEventType\""), resumed);
        assertFalse(resumed.contains("event: hello"), resumed);
        assertTrue(readFor("another-run.5", 2).contains("event: reset"), "an id of another run cannot resume");
    }

    /** What the stream sends in a few seconds to a client resuming after {@code lastEventId}. */
    private String readFor(String lastEventId, int seconds) throws Exception {
        HttpResponse<InputStream> stream = http.send(
                HttpRequest.newBuilder(hub.uri("/camalarm/api/events/stream"))
                        .header("Authorization", "Bearer " + Hub.API_TOKEN)
                        .header("Last-Event-ID", lastEventId)
                        .build(),
                BodyHandlers.ofInputStream());
        StringBuilder text = new StringBuilder();
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = stream.body()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    synchronized (text) {
                        text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    }
                }
            } catch (java.io.IOException e) {
                // closed below
            }
        });
        reader.setDaemon(true);
        reader.start();
        reader.join(seconds * 1000L);
        stream.body().close();
        synchronized (text) {
            return text.toString();
        }
    }

    private static String next(BlockingQueue<String> lines, String prefix) throws InterruptedException {
        for (String line; (line = lines.poll(10, TimeUnit.SECONDS)) != null; ) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("no line starting with " + prefix);
    }

    private static String nextData(BlockingQueue<String> lines, String containing) throws InterruptedException {
        for (String line; (line = lines.poll(10, TimeUnit.SECONDS)) != null; ) {
            if (line.startsWith("data: ") && line.contains(containing)) {
                return line.substring(6);
            }
        }
        throw new AssertionError("no event containing " + containing);
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
        assertFalse(parameter(type(types, "camalarm:shelly"), "protocol")
                .getAsJsonArray("options")
                .isEmpty());

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

    private static JsonObject parameter(JsonObject type, String name) {
        for (JsonElement p : type.getAsJsonArray("configParameters")) {
            if (name.equals(p.getAsJsonObject().get("name").getAsString())) {
                return p.getAsJsonObject();
            }
        }
        throw new AssertionError("no parameter " + name);
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

        String rule = "{\"id\":\"night\",\"when\":\"camalarm:vigi:gate:humanAlarm\",\"state\":\"ON\","
                + "\"then\":\"camalarm:http:x:on\",\"command\":\"ON\",\"schedule\":\"Mon-Fri 18:00-07:00\"}";
        assertEquals(201, hub.api("POST", "rules", rule).statusCode());
        assertEquals(409, hub.api("POST", "rules", rule).statusCode());
        JsonObject night = JsonParser.parseString(
                        hub.api("GET", "rules/night", null).body())
                .getAsJsonObject();
        assertEquals(
                "Mon-Fri 18:00-07:00",
                night.getAsJsonObject("configuration").get("schedule").getAsString());
        assertTrue(night.get("editable").getAsBoolean());

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
        assertEquals("conf/camalarm.rule-filed.cfg", filed.get("file").getAsString());
        assertEquals(409, hub.api("DELETE", "rules/filed", null).statusCode());
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
    }
}
