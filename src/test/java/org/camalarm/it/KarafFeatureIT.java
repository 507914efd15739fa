package org.camalarm.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle drops into stock Apache Karaf 4.4 through its feature: the feature brings everything
 * it needs, a VIGI alarm reaches the thing, and the start line names the real address, after a
 * container restart too. One Karaf for the class (a boot costs 15-80 s here).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KarafFeatureIT {

    private static final String ALARM_TOKEN = "karaf-alarm-token";
    private static final String API_TOKEN = "karaf-api-token";
    private static final Pattern START_LINE =
            Pattern.compile("Alarm server ready: cameras push to (\\S*)camalarm/alarm/");

    private Karaf karaf;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void startKaraf(@TempDir Path dir) throws Exception {
        karaf = new Karaf(
                dir.resolve("karaf"),
                Map.of(
                        "camalarm.server.cfg",
                        "alarmToken=" + ALARM_TOKEN + "\napiToken=" + API_TOKEN + "\n",
                        "camalarm.vigi-frontdoor.cfg",
                        "label=Front door\nholdTime=120\n"));
        karaf.start(ALARM_TOKEN);
    }

    @AfterAll
    void stopKaraf() throws Exception {
        karaf.close();
    }

    private HttpResponse<String> pushVigiAlarm() throws Exception {
        return http.send(
                HttpRequest.newBuilder(karaf.uri("/camalarm/alarm/" + ALARM_TOKEN + "/frontdoor"))
                        .header("Content-Type", "application/json; charset=utf-8")
                        .timeout(Duration.ofSeconds(10))
                        .POST(BodyPublishers.ofString("{\"ip\":\"192.168.0.101\",\"mac\":\"98-ba-5f-8b-10-03\","
                                + "\"protocol\":\"HTTP\",\"device_name\":\"InSight S445\",\"event_list\":[{\"dateTime\":"
                                + "\"20261005150501\",\"event_type\":[\"MOTION\",\"PEOPLE\"]}]}"))
                        .build(),
                BodyHandlers.ofString());
    }

    private JsonObject frontdoor() throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(karaf.uri("/camalarm/api/things/camalarm:vigi:frontdoor"))
                        .header("Authorization", "Bearer " + API_TOKEN)
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    private static String state(JsonObject thing, String channelId) {
        for (JsonElement c : thing.getAsJsonArray("channels")) {
            JsonObject channel = c.getAsJsonObject();
            if (channelId.equals(channel.get("id").getAsString())) {
                return channel.has("state") ? channel.get("state").getAsString() : null;
            }
        }
        return null;
    }

    private List<String> startLineAddresses() throws Exception {
        Matcher m = START_LINE.matcher(karaf.log());
        return m.results().map(r -> r.group(1)).toList();
    }

    @Test
    @Order(1)
    void aVigiAlarmReachesItsThingInStockKaraf() throws Exception {
        HttpResponse<String> push = pushVigiAlarm();

        assertEquals(200, push.statusCode(), push.body());
        assertEquals("{\"status\":\"ok\"}", push.body());
        JsonObject thing = frontdoor();
        assertEquals(
                "ONLINE",
                thing.getAsJsonObject("statusInfo").get("status").getAsString(),
                thing.get("statusInfo").toString());
        assertEquals("ON", state(thing, "motionAlarm"));
        assertEquals("ON", state(thing, "humanAlarm"));
        assertEquals("PERSON", state(thing, "lastEventType"));
    }

    @Test
    @Order(2)
    void theStartLineNamesTheRealAddressAfterAContainerRestartToo() throws Exception {
        String address = "http://127.0.0.1:" + karaf.port + "/";
        await("the start line")
                .atMost(Duration.ofSeconds(30))
                .until(() -> !startLineAddresses().isEmpty());
        assertEquals(List.of(address), startLineAddresses());

        karaf.stop();
        karaf.start(ALARM_TOKEN);

        await("the start line after the restart")
                .atMost(Duration.ofSeconds(30))
                .until(() -> startLineAddresses().size() == 2);
        assertEquals(List.of(address, address), startLineAddresses(), "never a bare /camalarm/alarm/...");
        assertEquals(200, pushVigiAlarm().statusCode(), "and cameras are heard again");
        String log = karaf.log();
        List<String> lines = log.lines().toList();
        List<String> errors = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("ERROR") && lines.get(i).contains("camalarm")) {
                errors.add(String.join("\n", lines.subList(i, Math.min(lines.size(), i + 4)))); // with its cause
            }
        }
        assertEquals(List.of(), errors, "no camalarm errors in karaf.log");
    }
}
