package org.camalarm.it;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web UI's performance figures (issue 9, point 8), run by {@code bench/ui.sh}, not by the tests:
 *
 * <ol>
 * <li>the cameras page with 50 cameras, each with a snapshot: time from navigation until every card
 *     shows its snapshot, first load and warm (cached) loads, in headless Chromium on loopback;</li>
 * <li>JSON alarms/s into the hub (wrk, like the team benchmark's shape A) with 0 and with 20 open
 *     event streams, alternated several times, as a ratio of medians.</li>
 * </ol>
 */
public final class UiBench {

    private static final String PASSWORD = "bench-ui";
    private static final int CAMERAS = 50;
    private static final String ALARM =
            "{\"ip\":\"192.168.0.101\",\"mac\":\"98-ba-5f-8b-10-03\",\"protocol\":\"HTTP\",\"device_name\":\"Bench\","
                    + "\"event_list\":[{\"dateTime\":\"20261005150501\",\"event_type\":[\"MOTION\",\"PEOPLE\"]}]}";

    private UiBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("camalarm-ui-bench");
        int seconds = Integer.parseInt(System.getProperty("bench.seconds", "8"));
        int rounds = Integer.parseInt(System.getProperty("bench.rounds", "3"));
        Process hub = null;
        try {
            int port = Hub.freePort();
            hub = startHub(dir, port);
            String base = "http://127.0.0.1:" + port;
            HttpClient http = HttpClient.newHttpClient();
            awaitHub(http, base);
            byte[] snapshot = Jpegs.snapshot(640, 360, new Color(50, 80, 110));
            for (int i = 1; i <= CAMERAS; i++) {
                awaitPush(http, base, "/cam" + i, multipart(snapshot));
            }
            System.out.printf(
                    Locale.ROOT,
                    "camalarm web UI benchmark (%s, %d cores, load %s)%n",
                    base,
                    Runtime.getRuntime().availableProcessors(),
                    Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            pageLoad(dir, base);
            throughput(http, base, seconds, rounds);
        } finally {
            if (hub != null) {
                hub.destroy();
                hub.waitFor(15, TimeUnit.SECONDS);
            }
        }
    }

    private static Process startHub(Path dir, int port) throws IOException {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.writeString(
                conf.resolve("camalarm.server.cfg"),
                "alarmToken=bench\napiToken=bench-api\nuiPassword=" + PASSWORD + "\n");
        for (int i = 1; i <= CAMERAS; i++) {
            Files.writeString(
                    conf.resolve("camalarm.vigi-cam" + i + ".cfg"),
                    String.format(Locale.ROOT, "label=Camera %02d\nholdTime=10\n", i));
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Dorg.osgi.service.http.port=" + port,
                "-Dorg.apache.felix.http.host=127.0.0.1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dcamalarm.conf=" + conf,
                "-Dcamalarm.userdata=" + dir.resolve("userdata"),
                "-jar",
                System.getProperty("camalarm.hub.jar", "target/camalarm-hub.jar")));
        return new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("hub.log").toFile())
                .start();
    }

    private static void awaitHub(HttpClient http, String base) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < end) {
            try {
                if (http.send(
                                HttpRequest.newBuilder(URI.create(base + "/camalarm/api/things"))
                                        .header("Authorization", "Bearer bench-api")
                                        .build(),
                                BodyHandlers.ofString())
                        .body()
                        .contains("cam" + CAMERAS + "\"")) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the hub did not start with its " + CAMERAS + " cameras");
    }

    private static void awaitPush(HttpClient http, String base, String camera, byte[] body) throws Exception {
        int status = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/camalarm/alarm/bench" + camera))
                                .header("Content-Type", "multipart/form-data; boundary=ReportEventBoundary")
                                .POST(BodyPublishers.ofByteArray(body))
                                .build(),
                        BodyHandlers.discarding())
                .statusCode();
        if (status != 200) {
            throw new IllegalStateException("push to " + camera + " answered " + status);
        }
    }

    private static byte[] multipart(byte[] jpeg) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--ReportEventBoundary\r\nContent-Disposition: form-data; name=\"event\"\r\n"
                        + "Content-Type: application/json\r\n\r\n" + ALARM + "\r\n--ReportEventBoundary\r\n"
                        + "Content-Disposition: form-data; name=\"20261005150501\"\r\nContent-Type: image/jpeg\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(jpeg);
        body.write("\r\n--ReportEventBoundary--\r\n".getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    /** Navigation to every one of the 50 cards showing its decoded snapshot. */
    private static void pageLoad(Path dir, String base) throws Exception {
        try (Browser browser = Browser.start(dir)) {
            browser.open(base + "/camalarm/ui/");
            browser.find("form.signin input[name=password]").sendKeys(PASSWORD);
            browser.find("form.signin button").click();
            browser.find("cam-card");
            double[] times = new double[6];
            double[] wall = new double[times.length];
            for (int i = 0; i < times.length; i++) {
                browser.open("about:blank");
                browser.console();
                long start = System.nanoTime();
                browser.open(base + "/camalarm/ui/#/cameras");
                try {
                    browser.await(30, d -> (Boolean) browser.script(
                            "const imgs = document.querySelectorAll('cam-card img[data-test=snapshot]');"
                                    + "return imgs.length === arguments[0]"
                                    + " && [...imgs].every(i => i.complete && i.naturalWidth > 0);",
                            CAMERAS));
                } catch (RuntimeException e) {
                    throw new IllegalStateException(
                            "the page did not show " + CAMERAS + " snapshots: "
                                    + browser.script("return [document.querySelectorAll('cam-card').length,"
                                            + " document.querySelectorAll('cam-card img[data-test=snapshot]').length,"
                                            + " [...document.querySelectorAll('cam-card img')].filter(i => i.complete).length,"
                                            + " document.body.innerText.slice(0, 300)].join(' | ')")
                                    + " iteration " + i + " console "
                                    + browser.console().stream()
                                            .map(Object::toString)
                                            .toList(),
                            e);
                }
                wall[i] = (System.nanoTime() - start) / 1e6;
                // in the page's own clock: from navigation start to the last snapshot received
                times[i] = ((Number) browser.script("return Math.max(...performance.getEntriesByType('resource')"
                                + ".filter(e => e.name.includes('/image?')).map(e => e.responseEnd))"))
                        .doubleValue();
            }
            double[] warm = Arrays.copyOfRange(times, 1, times.length);
            Arrays.sort(warm);
            double[] warmWall = Arrays.copyOfRange(wall, 1, wall.length);
            Arrays.sort(warmWall);
            System.out.printf(
                    Locale.ROOT,
                    "cameras page, %d cameras with snapshots, navigation to the last snapshot received (page clock):"
                            + " first %.0f ms; warm median %.0f ms, max %.0f ms (goal: under 1000 ms)."
                            + " Seen by WebDriver incl. its polling: first %.0f ms, warm median %.0f ms%n",
                    CAMERAS,
                    times[0],
                    warm[warm.length / 2],
                    warm[warm.length - 1],
                    wall[0],
                    warmWall[warmWall.length / 2]);
        }
    }

    /** wrk on the JSON alarm, alternating 0 and 20 open event streams. */
    private static void throughput(HttpClient http, String base, int seconds, int rounds) throws Exception {
        Path script = Files.createTempFile("alarm", ".lua");
        Files.writeString(
                script,
                "wrk.method = \"POST\"\nwrk.body = '" + ALARM + "'\n"
                        + "wrk.headers[\"Content-Type\"] = \"application/json\"\n");
        String url = base + "/camalarm/alarm/bench/cam1";
        wrk(script, url, 3); // warm-up
        List<Double> without = new ArrayList<>();
        List<Double> with = new ArrayList<>();
        AtomicLong received = new AtomicLong();
        for (int round = 0; round < rounds; round++) {
            without.add(wrk(script, url, seconds));
            List<InputStream> streams = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                streams.add(openStream(http, base, received));
            }
            Thread.sleep(500);
            with.add(wrk(script, url, seconds));
            for (InputStream stream : streams) {
                stream.close();
            }
        }
        double a = median(without);
        double b = median(with);
        System.out.printf(
                Locale.ROOT,
                "JSON alarms/s (wrk, 2 threads, 16 connections, %d s x %d rounds): 0 event streams %s -> median %.0f;"
                        + " 20 event streams %s -> median %.0f; ratio %.3f (goal: at least 0.95);"
                        + " the 20 streams received %d bytes%n",
                seconds,
                rounds,
                rounded(without),
                a,
                rounded(with),
                b,
                b / a,
                received.get());
    }

    private static InputStream openStream(HttpClient http, String base, AtomicLong received) throws Exception {
        InputStream in = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/camalarm/api/events/stream"))
                                .header("Authorization", "Bearer bench-api")
                                .build(),
                        BodyHandlers.ofInputStream())
                .body();
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    received.addAndGet(n);
                }
            } catch (IOException e) {
                // closed by the benchmark
            }
        });
        reader.setDaemon(true);
        reader.start();
        return in;
    }

    private static double wrk(Path script, String url, int seconds) throws Exception {
        Process wrk = new ProcessBuilder("wrk", "-t2", "-c16", "-d" + seconds + "s", "-s", script.toString(), url)
                .redirectErrorStream(true)
                .start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        wrk.waitFor();
        Matcher m = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(out);
        if (!m.find() || out.contains("Non-2xx")) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        return Double.parseDouble(m.group(1));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    private static String rounded(List<Double> values) {
        return values.stream()
                .map(v -> String.format(Locale.ROOT, "%.0f", v))
                .toList()
                .toString();
    }
}
