package org.camalarm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.camalarm.auth.DigestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cameras pushing over HTTPS to the hub's generated certificate, and cameras with credentials:
 * Basic sent at once, Digest after a challenge, wrong ones refused and rate-limited per address,
 * plain HTTP only where the camera's configuration allows it. One hub for the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CameraHttpsIT {

    private static final String MOTION =
            "{\"mac\":\"98-ba-5f-8b-10-03\",\"event_list\":[{\"dateTime\":\"20261005150501\","
                    + "\"event_type\":[\"MOTION\"]}]}";

    private Hub hub;
    private int lenientPort;
    private SSLContext pinned;
    private HttpClient https;

    @BeforeAll
    void startHub(@TempDir Path dir) throws Exception {
        hub = Hub.withTokens(dir);
        lenientPort = Hub.freePort();
        hub.writeConf(
                "camalarm.server.cfg",
                "alarmToken=" + Hub.ALARM_TOKEN + "\napiToken=" + Hub.API_TOKEN + "\nlenientPort=" + lenientPort
                        + "\n");
        hub.writeConf("camalarm.vigi-open.cfg", "label=Open\n");
        hub.writeConf("camalarm.vigi-locked.cfg", "label=Locked\nusername=cam\npassword=s3cr3t\n");
        hub.writeConf("camalarm.vigi-digest.cfg", "label=Digest\nusername=cam\npassword=s3cr3t\n");
        hub.writeConf("camalarm.vigi-limited.cfg", "label=Limited\nusername=cam\npassword=s3cr3t\n");
        hub.writeConf("camalarm.ivsec-gate.cfg", "label=Gate\nusername=gate\npassword=pw\ncredentialsOverHttp=true\n");
        hub.start();
        for (String id : List.of("vigi:open", "vigi:locked", "vigi:digest", "vigi:limited", "ivsec:gate")) {
            hub.awaitThing("camalarm:" + id);
        }
        pinned = Tls.pinned(Tls.printedFingerprint(hub.logText()));
        https = HttpClient.newBuilder()
                .sslContext(pinned)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @AfterAll
    void stopHub() throws Exception {
        hub.close();
    }

    private HttpResponse<String> pushOverHttps(String thing, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(
                        "https://127.0.0.1:" + hub.securePort + "/camalarm/alarm/" + Hub.ALARM_TOKEN + "/" + thing))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(MOTION));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return https.send(request.build(), BodyHandlers.ofString());
    }

    private static String head(String thing, String host, String authorization) {
        return "POST /camalarm/alarm/" + Hub.ALARM_TOKEN + "/" + thing + " HTTP/1.1\r\nHost: " + host
                + "\r\nContent-Type: application/json\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n");
    }

    /** One request as raw bytes on a fresh plain connection; the whole answer as text. */
    private static String rawRequest(int port, String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void aCameraPushesOverHttpsToTheGeneratedCertificateByAnyName() throws Exception {
        // a name the certificate does not carry (a DNS name, the address after a DHCP change): still served
        Tls.Exchange exchange =
                Tls.send(pinned, "127.0.0.1", hub.securePort, head("open", "hub.example.lan:8443", null), MOTION);

        assertEquals(200, exchange.status(), exchange.head() + exchange.body());
        assertEquals("{\"status\":\"ok\"}", exchange.body());
        assertEquals(Tls.printedFingerprint(hub.logText()), Tls.fingerprint(exchange.served()));
        assertEquals("ON", hub.state("camalarm:vigi:open", "motionAlarm"));
    }

    @Test
    void basicCredentialsSentAtOnceAreTaken() throws Exception {
        HttpResponse<String> r = pushOverHttps("locked", DigestClient.basic("cam", "s3cr3t"));

        assertEquals(200, r.statusCode(), r.body());
        assertEquals("ON", hub.state("camalarm:vigi:locked", "motionAlarm"));
        assertEquals(
                "Basic",
                hub.thing("camalarm:vigi:locked")
                        .getAsJsonObject("properties")
                        .get("authScheme")
                        .getAsString());
    }

    @Test
    void aCameraWithoutCredentialsIsChallengedAndDigestAnswersAreTaken() throws Exception {
        HttpResponse<String> challenged = pushOverHttps("digest", null);

        assertEquals(401, challenged.statusCode());
        List<String> challenges = challenged.headers().allValues("WWW-Authenticate");
        assertEquals(2, challenges.size(), challenges.toString());
        assertTrue(challenges.get(0).startsWith("Digest realm=\"camalarm\""), challenges.toString());
        assertTrue(challenges.get(1).startsWith("Basic realm=\"camalarm\""), challenges.toString());
        assertEquals("OFF", hub.state("camalarm:vigi:digest", "motionAlarm"));

        String uri = "/camalarm/alarm/" + Hub.ALARM_TOKEN + "/digest";
        HttpResponse<String> answered =
                pushOverHttps("digest", DigestClient.digest(challenges.get(0), "MD5", "POST", uri, "cam", "s3cr3t"));

        assertEquals(200, answered.statusCode(), answered.body());
        assertEquals("ON", hub.state("camalarm:vigi:digest", "motionAlarm"));
        assertEquals(
                "Digest MD5",
                hub.thing("camalarm:vigi:digest")
                        .getAsJsonObject("properties")
                        .get("authScheme")
                        .getAsString());
    }

    @Test
    void wrongCredentialsAreRefusedAndNeverShown() throws Exception {
        HttpResponse<String> r = pushOverHttps("locked", DigestClient.basic("cam", "guess"));

        assertEquals(401, r.statusCode());
        assertEquals(2, r.headers().allValues("WWW-Authenticate").size());
        String shown = hub.thing("camalarm:vigi:locked").toString();
        assertFalse(shown.contains("s3cr3t"), shown);
        assertFalse(hub.logText().contains("s3cr3t"), "a password in the log");
    }

    @Test
    void credentialsOverPlainHttpOnlyWhereTheCameraAllowsIt() throws Exception {
        HttpResponse<String> refused =
                hub.raw(HttpRequest.newBuilder(hub.uri("/camalarm/alarm/" + Hub.ALARM_TOKEN + "/locked"))
                        .header("Authorization", DigestClient.basic("cam", "s3cr3t"))
                        .header("Content-Type", "application/json")
                        .POST(BodyPublishers.ofString(MOTION))
                        .build());
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("https_required"), refused.body());
        assertTrue(refused.headers().allValues("WWW-Authenticate").isEmpty(), "no invitation to send them in clear");

        // the iVSEC gate may: on the HTTP port, and on the lenient port, which passes Authorization through
        HttpResponse<String> taken = hub.raw(HttpRequest.newBuilder(
                        hub.uri("/camalarm/alarm/" + Hub.ALARM_TOKEN + "/gate?EventType=VideoMotion&EventAction=start"))
                .header("Authorization", DigestClient.basic("gate", "pw"))
                .GET()
                .build());
        assertEquals(200, taken.statusCode(), taken.body());
        String lenient = rawRequest(
                lenientPort,
                "GET /camalarm/alarm/" + Hub.ALARM_TOKEN
                        + "/gate?EventType=PD&EventTime=2022-5-26 11:5:0&EventAction=start"
                        + " HTTP/1.1\r\nAuthorization: " + DigestClient.basic("gate", "pw") + "\r\n\r\n");
        assertTrue(lenient.startsWith("HTTP/1.1 200"), lenient);
        String unauthorised = rawRequest(
                lenientPort, "GET /camalarm/alarm/" + Hub.ALARM_TOKEN + "/gate?EventType=PD HTTP/1.1\r\n\r\n");
        assertTrue(unauthorised.startsWith("HTTP/1.1 401 Unauthorized"), unauthorised);
        assertTrue(unauthorised.contains("\r\nWWW-Authenticate: Digest realm=\"camalarm\""), unauthorised);
        assertEquals("ON", hub.state("camalarm:ivsec:gate", "humanAlarm"));
    }

    @Test
    void anAddressThatGuessesIsBlockedWhileOthersAreStillHeard() throws Exception {
        // 127.0.0.2 stands for another sender: the loopback network routes it to the hub like any address
        String guess = DigestClient.basic("cam", "guess");
        for (int i = 0; i < 10; i++) {
            Tls.Exchange refused = Tls.send(pinned, "127.0.0.2", hub.securePort, head("limited", "hub", guess), MOTION);
            assertEquals(401, refused.status(), "guess " + i);
        }
        String right = DigestClient.basic("cam", "s3cr3t");
        Tls.Exchange blocked = Tls.send(pinned, "127.0.0.2", hub.securePort, head("limited", "hub", right), MOTION);

        assertEquals(429, blocked.status(), blocked.head());
        assertTrue(blocked.hasHeader("Retry-After: 300"), blocked.head());
        assertEquals("OFF", hub.state("camalarm:vigi:limited", "motionAlarm"));
        assertEquals(200, pushOverHttps("limited", right).statusCode(), "127.0.0.1 is another address");
        assertTrue(hub.logText().contains("127.0.0.2 sent 10 wrong credentials"), "the block is logged once");
    }
}
