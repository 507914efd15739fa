package org.camalarm.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.function.Predicate;
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
    void headAnswersAsGetAndAKnownPathAskedWithAnotherMethodNamesItsMethods() throws Exception {
        HttpResponse<String> get = hub.api("GET", "things/camalarm:vigi:gate", null);
        HttpResponse<String> head = hub.api("HEAD", "things/camalarm:vigi:gate", null);
        assertEquals(200, head.statusCode());
        assertEquals(
                String.valueOf(get.body().getBytes(StandardCharsets.UTF_8).length),
                head.headers().firstValue("Content-Length").orElse(""),
                "the length of the GET's body");
        assertEquals("", head.body());

        HttpResponse<String> patch = hub.api("PATCH", "things", "{}");
        assertEquals(405, patch.statusCode(), patch.body());
        assertEquals(
                "GET, HEAD, POST, OPTIONS", patch.headers().firstValue("Allow").orElse(""));
        assertEquals(
                "method_not_allowed",
                JsonParser.parseString(patch.body())
                        .getAsJsonObject()
                        .get("error")
                        .getAsString());
        HttpResponse<String> options = hub.api("OPTIONS", "rules/anything", null);
        assertEquals(204, options.statusCode());
        assertEquals(
                "GET, HEAD, PUT, DELETE, OPTIONS",
                options.headers().firstValue("Allow").orElse(""));
        assertEquals(404, hub.api("PATCH", "no-such-resource", "{}").statusCode(), "an unknown path stays 404");
        assertEquals(
                401, hub.get("/camalarm/api/things", "wrong").statusCode(), "methods are named to the signed-in only");

        HttpResponse<String> signInByGet = hub.get("/camalarm/auth/signin", null);
        assertEquals(405, signInByGet.statusCode());
        assertEquals("POST, OPTIONS", signInByGet.headers().firstValue("Allow").orElse(""));
        HttpResponse<String> front = http.send(
                HttpRequest.newBuilder(hub.uri("/camalarm/"))
                        .method("HEAD", BodyPublishers.noBody())
                        .build(),
                BodyHandlers.ofString());
        assertEquals(302, front.statusCode(), "HEAD of the UI's address leads where GET does");
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
    void signedInOverTheHubsHttpsPortTheCookieIsSecure() throws Exception {
        String body = "{\"user\":\"admin\",\"password\":\"" + uiPassword() + "\"}";
        Tls.Exchange exchange = Tls.send(
                Tls.pinned(Tls.printedFingerprint(hub.logText())),
                "127.0.0.1",
                hub.securePort,
                "POST /camalarm/auth/signin HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json\r\n",
                body);
        assertEquals(200, exchange.status(), exchange.head());
        String cookie = exchange.head()
                .lines()
                .filter(l -> l.regionMatches(true, 0, "Set-Cookie:", 0, 11))
                .findFirst()
                .orElseThrow();
        assertTrue(cookie.contains("camalarm_session=") && cookie.endsWith("; Secure"), cookie);
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

        // a browser on a stale or typed address gets a page that leads to the UI, not JSON
        HttpResponse<String> typed = http.send(
                HttpRequest.newBuilder(hub.uri("/camalarm/ui/events"))
                        .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                        .build(),
                BodyHandlers.ofString());
        assertEquals(404, typed.statusCode());
        assertEquals(
                "text/html;charset=utf-8",
                typed.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(typed.body().contains("<a href=\"/camalarm/ui/\">"), typed.body());
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
        String resumed = readUntil(
                helloId.substring(4), t -> t.contains("\"channel\":\"tamperAlarm\",") && t.contains("lastEventType"));
        assertTrue(resumed.contains("\"channel\":\"tamperAlarm\",") && resumed.contains("\"state\":\"ON\""), resumed);
        assertTrue(resumed.contains("\"channel\":\"lastEventType\""), resumed);
        assertFalse(resumed.contains("event: hello"), resumed);
        readUntil("another-run.5", t -> t.contains("event: reset")); // an id of another run cannot resume
    }

    /** What the stream sends a client resuming after {@code lastEventId}, read until {@code enough} holds. */
    private String readUntil(String lastEventId, Predicate<String> enough) throws Exception {
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
        try {
            await().atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        synchronized (text) {
                            return enough.test(text.toString());
                        }
                    });
        } finally {
            stream.body().close();
        }
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
}
