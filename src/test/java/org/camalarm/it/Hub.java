package org.camalarm.it;

import static org.awaitility.Awaitility.await;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The real embedded hub ({@code target/camalarm-hub.jar}) started as a separate process on a free
 * loopback port, with its own {@code conf/} and {@code userdata/} in a temporary directory.
 */
final class Hub implements AutoCloseable {

    static final String ALARM_TOKEN = "it-alarm-token";
    static final String API_TOKEN = "it-api-token";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    final Path dir;
    final Path conf;
    final Path userdata;
    final Path log;
    final int port;
    /** The HTTPS port: free at run time like the HTTP one, so hubs started side by side never collide. */
    final int securePort;
    /** More {@code -D} options for the hub's JVM, set before {@link #start}. */
    final List<String> systemProperties = new ArrayList<>();
    /** A free UDP port: the generated configuration's {@code udpPort} ({@code -Dcamalarm.udpPort}); tests may write it into theirs. */
    final int udpPort;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;
    /** The API token REST calls use: the fixed one, or the one the hub generated (see {@link #start(java.util.concurrent.Callable)}). */
    private java.util.concurrent.Callable<String> apiToken = () -> API_TOKEN;

    /** A hub whose conf/ holds a server configuration with fixed tokens. */
    static Hub withTokens(Path dir) throws IOException {
        Hub hub = new Hub(dir);
        Files.createDirectories(hub.conf);
        hub.writeConf("camalarm.server.cfg", "alarmToken=" + ALARM_TOKEN + "\napiToken=" + API_TOKEN + "\n");
        return hub;
    }

    Hub(Path dir) throws IOException {
        this.dir = dir;
        this.conf = dir.resolve("conf");
        this.userdata = dir.resolve("userdata");
        this.log = dir.resolve("hub.log");
        this.port = freePort();
        int secure = freePort();
        while (secure == port) {
            secure = freePort();
        }
        this.securePort = secure;

        this.udpPort = freeUdpPort();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Sockets that hold {@link #refusedPort()}s for the whole test run. */
    private static final List<java.net.Socket> REFUSING = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * A port where a connection is refused, for as long as the tests run: held by a bound socket that
     * does not listen, so no hub or fake device started later can be given it (a port from
     * {@link #freePort()} was, once: the "dead" device then reached a hub's own 404).
     */
    static int refusedPort() throws IOException {
        java.net.Socket holder = new java.net.Socket();
        holder.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
        REFUSING.add(holder);
        return holder.getLocalPort();
    }

    static int freeUdpPort() throws IOException {
        try (java.net.DatagramSocket socket = new java.net.DatagramSocket(0)) {
            return socket.getLocalPort();
        }
    }

    void writeConf(String name, String content) throws IOException {
        Path tmp = conf.resolve("." + name + ".tmp");
        Files.writeString(tmp, content);
        Files.move(tmp, conf.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Starts the hub and waits until its REST API answers with the token {@code apiToken} gives (polled). */
    Hub start(java.util.concurrent.Callable<String> apiToken) throws IOException {
        this.apiToken = apiToken;
        String jar = System.getProperty("camalarm.hub.jar", "target/camalarm-hub.jar");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xmx128m",
                "-Dorg.osgi.service.http.port=" + port,
                // the generated camalarm.server.cfg opens the lenient port: never the user's 8089
                "-Dcamalarm.lenientPort=" + freePort(),
                "-Dorg.osgi.service.http.port.secure=" + securePort,
                // and its UDP alarm port
                "-Dcamalarm.udpPort=" + udpPort,
                "-Dorg.apache.felix.http.host=127.0.0.1",
                "-Dcamalarm.conf=" + conf,
                "-Dcamalarm.userdata=" + userdata,
                "-jar",
                jar));
        command.addAll(command.indexOf("-jar"), systemProperties);
        process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        await("hub answering on port " + port)
                .atMost(READY_TIMEOUT)
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("hub exited: " + logText());
                    }
                    return get("/camalarm/api/things", apiToken.call()).statusCode() == 200;
                });
        return this;
    }

    Hub start() throws IOException {
        return start(() -> API_TOKEN);
    }

    /** The hub process's id, e.g. for a thread dump with jcmd. */
    long pid() {
        return process.pid();
    }

    /** The API token in use. */
    String token() {
        try {
            return apiToken.call();
        } catch (Exception e) {
            throw new IllegalStateException("no API token yet", e);
        }
    }

    String logText() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpResponse<String> get(String path, String apiToken) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
        if (apiToken != null) {
            b.header("Authorization", "Bearer " + apiToken);
        }
        return http.send(b.GET().build(), BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Authorization", "Bearer " + token())
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                BodyHandlers.ofByteArray());
    }

    HttpResponse<String> api(String method, String path, String body) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(uri("/camalarm/api/" + path))
                        .header("Authorization", "Bearer " + token())
                        .timeout(Duration.ofSeconds(20))
                        .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
                        .build(),
                BodyHandlers.ofString());
    }

    /** A push as a camera sends it: {@code path} is appended to {@code /camalarm/alarm/<token>}. */
    HttpResponse<String> push(String method, String path, String contentType, BodyPublisher body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri("/camalarm/alarm/" + ALARM_TOKEN + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return http.send(b.build(), BodyHandlers.ofString());
    }

    HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return push(
                "POST", path, "application/json; charset=utf-8", BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }

    HttpResponse<String> raw(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, BodyHandlers.ofString());
    }

    /** The thing as REST shows it, or {@code null} when it does not exist. */
    JsonObject thing(String uid) throws IOException, InterruptedException {
        HttpResponse<String> r = get("/camalarm/api/things/" + uid, token());
        return r.statusCode() == 200 ? JsonParser.parseString(r.body()).getAsJsonObject() : null;
    }

    /** A channel's state text, or {@code null} when the thing or channel does not exist. */
    String state(String thingUid, String channelId) throws IOException, InterruptedException {
        JsonObject thing = thing(thingUid);
        if (thing == null) {
            return null;
        }
        for (JsonElement c : thing.getAsJsonArray("channels")) {
            JsonObject channel = c.getAsJsonObject();
            if (channelId.equals(channel.get("id").getAsString())) {
                return channel.has("state") ? channel.get("state").getAsString() : null;
            }
        }
        return null;
    }

    JsonArray inbox() throws IOException, InterruptedException {
        return JsonParser.parseString(get("/camalarm/api/inbox", token()).body())
                .getAsJsonArray();
    }

    /** Waits until the thing exists (FileInstall picks files up within a few seconds). */
    void awaitThing(String uid) {
        await(uid + " created")
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(() -> thing(uid) != null);
    }

    /** {@code kill -9}: the hub gets no chance to write or close anything. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
        }
    }

    /** The hub's event history as REST lists it ({@code query} without the leading '?'). */
    JsonObject events(String query) throws IOException, InterruptedException {
        HttpResponse<String> r = get("/camalarm/api/events" + (query.isEmpty() ? "" : "?" + query), API_TOKEN);
        if (r.statusCode() != 200) {
            throw new AssertionError("events?" + query + " answered " + r.statusCode() + ": " + r.body());
        }
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    /** Every event of a query, following the cursor page by page. */
    List<JsonObject> allEvents(String query) throws IOException, InterruptedException {
        List<JsonObject> all = new ArrayList<>();
        String next = null;
        do {
            JsonObject page = events(query + (next == null ? "" : "&before=" + next));
            page.getAsJsonArray("events").forEach(e -> all.add(e.getAsJsonObject()));
            next = page.get("next").isJsonNull() ? null : page.get("next").getAsString();
        } while (next != null);
        return all;
    }

    /** What {@code jcmd <the hub's pid> <command>} prints (a thread dump, performance counters). */
    String jcmd(String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        Long.toString(pid()),
                        command)
                .redirectErrorStream(true)
                .start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
        return out;
    }

    /** How many threads the hub's JVM has started so far (its {@code java.threads.started} counter). */
    long threadsStarted() throws IOException, InterruptedException {
        String out = jcmd("PerfCounter.print");
        java.util.regex.Matcher counter = java.util.regex.Pattern.compile("java\\.threads\\.started=(\\d+)")
                .matcher(out);
        if (!counter.find()) {
            throw new AssertionError("jcmd shows no thread counter: " + out);
        }
        return Long.parseLong(counter.group(1));
    }

    /** What a hub that stopped by itself said. */
    record Exit(int code, String output) {}

    /**
     * Runs a hub in {@code dir} (conf/ and userdata/ there, as {@link #withTokens} lays them out) with
     * these system properties ({@code key=value}) until it gives up by itself.
     */
    static Exit runToExit(Path dir, String... properties) throws Exception {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String property : properties) {
            command.add("-D" + property);
        }
        command.addAll(List.of(
                "-Dorg.apache.felix.http.host=127.0.0.1",
                "-Dcamalarm.conf=" + dir.resolve("conf"),
                "-Dcamalarm.userdata=" + dir.resolve("userdata"),
                "-jar",
                System.getProperty("camalarm.hub.jar", "target/camalarm-hub.jar")));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the hub must not run on half started");
        }
        return new Exit(
                process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
    }

    @Override
    public void close() throws Exception {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
