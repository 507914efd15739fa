import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The soak and abuse run: the real hub under a steady mix of every kind of alarm, REST reads and
 * rule-driven pushes to a relay that is sometimes slow and sometimes down, while a hostile client
 * holds slow, half-open, oversized and malformed connections on both alarm ports. Prints the
 * figures and exits 1 with a REGRESSION line for each one out of bounds.
 *
 * <pre>java bench/Soak.java target/camalarm-hub.jar [minutes] [alarms per second]</pre>
 */
public class Soak {

    private static final String TOKEN = "soak";
    private static final String API = "soak-api";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Path dir;
    private final int port;
    private final int lenientPort;
    private final byte[] jpeg;
    private final List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger good = new AtomicInteger();
    private final AtomicInteger answered200 = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger checked = new AtomicInteger();
    private final AtomicInteger lost = new AtomicInteger();
    private final AtomicInteger personAlarms = new AtomicInteger();
    private final AtomicInteger personWhileRelayUp = new AtomicInteger();
    private final AtomicInteger relayReceived = new AtomicInteger();
    private final AtomicInteger hostile = new AtomicInteger();
    private final AtomicInteger hostileAnswered4xx = new AtomicInteger();
    private final AtomicBoolean relayUp = new AtomicBoolean(true);
    private final AtomicLong sequence = new AtomicLong();
    private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();

    Soak(Path dir, int port, int lenientPort) throws IOException {
        this.dir = dir;
        this.port = port;
        this.lenientPort = lenientPort;
        this.jpeg = jpeg(200_000);
    }

    public static void main(String[] args) throws Exception {
        String jar = args.length > 0 ? args[0] : "target/camalarm-hub.jar";
        double minutes = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        Path dir = Files.createTempDirectory("camalarm-soak");
        Soak soak = new Soak(dir, freePort(), freePort());
        System.exit(soak.run(Path.of(jar).toAbsolutePath(), minutes, rate) ? 0 : 1);
    }

    boolean run(Path jar, double minutes, int rate) throws Exception {
        int relayPort = freePort();
        ServerSocket relay = relay(relayPort);
        writeConfiguration(relayPort);
        Process hub = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dorg.osgi.service.http.port=" + port,
                        "-Dorg.apache.felix.http.host=127.0.0.1",
                        "-Dcamalarm.lenientPort=" + lenientPort,
                        "-Dorg.apache.felix.https.enable=false", // HTTP is measured; no fixed 8443 to collide on
                        "-Dcamalarm.conf=" + dir.resolve("conf"),
                        "-Dcamalarm.userdata=" + dir.resolve("userdata"),
                        "-jar",
                        jar.toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("hub.log").toFile())
                .start();
        try {
            awaitReady();
            System.out.printf(Locale.ROOT, "soak: %.1f min at %d alarms/s, hub pid %d, log %s%n", minutes, rate,
                    hub.pid(), dir.resolve("hub.log"));
            ScheduledExecutorService load = Executors.newScheduledThreadPool(8);
            load.scheduleAtFixedRate(this::oneGoodRequest, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
            load.scheduleAtFixedRate(this::check, 500, 1000, TimeUnit.MILLISECONDS);
            // hostile connections, each on a thread of its own, at most 16 at once
            java.util.concurrent.ExecutorService attackers = Executors.newFixedThreadPool(16);
            load.scheduleAtFixedRate(() -> attackers.execute(this::oneAttack), 100, 250, TimeUnit.MILLISECONDS);
            // the relay is down for 15 s of every minute
            load.scheduleAtFixedRate(() -> relayUp.set(false), 40, 60, TimeUnit.SECONDS);
            load.scheduleAtFixedRate(() -> relayUp.set(true), 55, 60, TimeUnit.SECONDS);
            // growth is measured between two moments of the same steady load: after a warm-up, and at the end
            long total = (long) (minutes * 60_000);
            long warmUp = Math.max(20_000, total / 10);
            Thread.sleep(warmUp);
            Vitals start = vitals(hub.pid());
            Thread.sleep(Math.max(0, total - warmUp));
            Vitals end = vitals(hub.pid());
            load.shutdownNow();
            attackers.shutdownNow();
            load.awaitTermination(30, TimeUnit.SECONDS);
            attackers.awaitTermination(60, TimeUnit.SECONDS);
            Thread.sleep(3000); // pushes in flight reach the relay
            return report(start, end);
        } finally {
            hub.destroy();
            hub.waitFor(20, TimeUnit.SECONDS);
            relay.close();
        }
    }

    private void writeConfiguration(int relayPort) throws IOException {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.writeString(conf.resolve("camalarm.server.cfg"), "alarmToken=" + TOKEN + "\napiToken=" + API
                + "\nlenientPort=" + lenientPort + "\n");
        Files.writeString(conf.resolve("camalarm.vigi-soak.cfg"), "label=Soak\nholdTime=2\n");
        Files.writeString(conf.resolve("camalarm.vigi-soakcheck.cfg"), "label=Soak check\nholdTime=2\n");
        Files.writeString(conf.resolve("camalarm.ivsec-soakgate.cfg"), "label=Gate\nmac=5C-F2-07-49-0F-77\n");
        Files.writeString(conf.resolve("camalarm.http-relay.cfg"), "host=127.0.0.1\nport=" + relayPort
                + "\ntimeout=2000\ncommand.on=POST relay/0?turn=on\n");
        Files.writeString(conf.resolve("camalarm.rule-soak.cfg"),
                "when=camalarm:vigi:soak:event\nevent=PERSON\nthen=camalarm:http:relay:on\ncommand=ON\n");
    }

    /**
     * A fake relay on plain sockets (a thread per connection, keep-alive): counts what it receives,
     * answers one request in five after 800 ms, and answers 503 while "down".
     */
    private ServerSocket relay(int relayPort) throws IOException {
        ServerSocket server = new ServerSocket(relayPort, 64, java.net.InetAddress.getByName("127.0.0.1"));
        AtomicInteger n = new AtomicInteger();
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    Thread connection = new Thread(() -> serveRelay(socket, n));
                    connection.setDaemon(true);
                    connection.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    private void serveRelay(Socket socket, AtomicInteger n) {
        try (socket) {
            InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                int length = 0;
                String line = readLine(in);
                if (line == null) {
                    return;
                }
                while (!(line = readLine(in)).isEmpty()) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).strip());
                    }
                }
                in.readNBytes(length);
                if (!relayUp.get()) {
                    out.write("HTTP/1.1 503 Down\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    continue;
                }
                relayReceived.incrementAndGet();
                if (n.incrementAndGet() % 5 == 0) {
                    sleep(800);
                }
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 13\r\n\r\n{\"ison\":true}".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException e) {
            // the hub closed the connection
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return c < 0 && line.length() == 0 ? null : line.toString();
    }

    /** One request of the steady mix, its latency kept when it is an alarm. */
    private void oneGoodRequest() {
        long n = sequence.incrementAndGet();
        try {
            switch ((int) (n % 6)) {
                case 0 -> {
                    if (relayUp.get()) {
                        personWhileRelayUp.incrementAndGet();
                    }
                    personAlarms.incrementAndGet();
                    alarm(post("/soak", "application/json", vigiJson(n, "PEOPLE").getBytes(StandardCharsets.UTF_8)));
                }
                case 1 -> alarm(post("/soak", "multipart/form-data; boundary=ReportEventBoundary", multipart(n)));
                case 2 -> alarm(() -> get("/camalarm/alarm/" + TOKEN + "?EventType=VideoMotion&EventTime=2022-5-26%2011:5:0"
                        + "&EventAction=" + (n % 12 < 6 ? "start" : "stop") + "&MACAddress=5C-F2-07-49-0F-77"));
                case 3 -> alarm(() -> rawStatus(lenientPort, "GET /camalarm/alarm/" + TOKEN
                        + "?EventType=VideoMotion&EventTime=2022-5-26 11:5:0&EventAction=start&MACAddress=5C-F2-07-49-0F-77"
                        + " HTTP/1.1\r\nHost: x\r\n\r\n"));
                case 4 -> alarm(post("/soak", "application/xml", tvt().getBytes(StandardCharsets.UTF_8)));
                default -> {
                    HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(uri("/camalarm/api/things"))
                                    .header("Authorization", "Bearer " + API)
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() != 200) {
                        problems.add("REST read answered " + r.statusCode());
                    }
                }
            }
        } catch (Exception e) {
            failed.incrementAndGet();
            problems.add("good request failed: " + e);
        }
    }

    /** Every second, one alarm to the check camera and its state right after: the alarm must be in it. */
    private void check() {
        long n = sequence.incrementAndGet();
        try {
            int status = post("/soakcheck", "application/json", vigiJson(n, "MOTION").getBytes(StandardCharsets.UTF_8))
                    .call();
            checked.incrementAndGet();
            String thing = HTTP.send(HttpRequest.newBuilder(uri("/camalarm/api/things/camalarm:vigi:soakcheck"))
                                    .header("Authorization", "Bearer " + API)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            if (status != 200 || !thing.contains("Soak " + n + "\"")) {
                lost.incrementAndGet();
                problems.add("alarm " + n + " answered " + status + " but not in the camera's state");
            }
        } catch (Exception e) {
            lost.incrementAndGet();
            problems.add("check alarm " + n + " failed: " + e);
        }
    }

    private interface Call {
        int call() throws Exception;
    }

    private void alarm(Call call) throws Exception {
        long start = System.nanoTime();
        int status = call.call();
        latenciesMicros.add((System.nanoTime() - start) / 1000);
        good.incrementAndGet();
        if (status == 200) {
            answered200.incrementAndGet();
        } else {
            problems.add("a good alarm answered " + status);
        }
    }

    private Call post(String path, String contentType, byte[] body) {
        return () -> HTTP.send(HttpRequest.newBuilder(uri("/camalarm/alarm/" + TOKEN + path))
                                .header("Content-Type", contentType)
                                .timeout(Duration.ofSeconds(10))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private int get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** One hostile connection, on either alarm port; it must get a 4xx or be cut, never hold the hub up. */
    private void oneAttack() {
        int kind = hostile.incrementAndGet() % 6;
        int target = kind % 2 == 0 ? port : lenientPort;
        try (Socket socket = new Socket("127.0.0.1", target)) {
            socket.setSoTimeout(40_000);
            OutputStream out = socket.getOutputStream();
            String head = "POST /camalarm/alarm/" + TOKEN + "/soak HTTP/1.1\r\nHost: x\r\n";
            switch (kind) {
                case 0, 1 -> { // slow head: a byte a second, gives up after 20 s
                    for (byte b : head.getBytes(StandardCharsets.US_ASCII)) {
                        out.write(b);
                        out.flush();
                        Thread.sleep(1000);
                    }
                }
                case 2 -> { // slow body
                    out.write((head + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
                            .getBytes(StandardCharsets.US_ASCII));
                    for (int i = 0; i < 20; i++) {
                        out.write(' ');
                        out.flush();
                        Thread.sleep(1000);
                    }
                }
                case 3 -> Thread.sleep(20_000); // half open: connects, says nothing
                case 4 -> { // oversized
                    out.write((head + "Content-Type: application/json\r\nContent-Length: 900000000\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    expect4xx(socket.getInputStream());
                }
                default -> { // malformed
                    byte[] body = "{\"event_list\":[{\"event_type\":".getBytes(StandardCharsets.US_ASCII);
                    out.write((head + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.flush();
                    expect4xx(socket.getInputStream());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the hub cutting a hostile connection is what it should do
        }
    }

    private void expect4xx(InputStream in) throws IOException {
        String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
        if (status.startsWith("HTTP/1.1 4")) {
            hostileAnswered4xx.incrementAndGet();
        } else {
            problems.add("hostile request answered '" + status + "'");
        }
    }

    private static int rawStatus(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    private boolean report(Vitals start, Vitals end) {
        List<Long> sorted = new ArrayList<>(latenciesMicros);
        Collections.sort(sorted);
        double p50 = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2) / 1000.0;
        double p99 = sorted.isEmpty() ? 0 : sorted.get((int) (sorted.size() * 0.99)) / 1000.0;
        System.out.printf(Locale.ROOT, "good alarms          %d sent, %d answered 200, %d failed%n", good.get(),
                answered200.get(), failed.get());
        System.out.printf(Locale.ROOT, "reflected in state   %d checked, %d lost%n", checked.get(), lost.get());
        System.out.printf(Locale.ROOT, "good alarm latency   p50 %.2f ms, p99 %.2f ms%n", p50, p99);
        System.out.printf(Locale.ROOT, "hostile connections  %d (oversized/malformed answered 4xx: %d)%n",
                hostile.get(), hostileAnswered4xx.get());
        System.out.printf(Locale.ROOT, "relay pushes         %d received, %d PERSON alarms while it was up (%d in all)%n",
                relayReceived.get(), personWhileRelayUp.get(), personAlarms.get());
        System.out.println("after the warm-up -> at the end, under the same load:");
        System.out.printf(Locale.ROOT, "heap after full GC   %.1f MB -> %.1f MB%n", start.heapMb, end.heapMb);
        System.out.printf(Locale.ROOT, "threads              %d -> %d%n", start.threads, end.threads);
        System.out.printf(Locale.ROOT, "open files           %d -> %d%n", start.files, end.files);
        System.out.printf(Locale.ROOT, "resident memory      %.1f MB -> %.1f MB%n", start.rssMb, end.rssMb);
        List<String> regressions = new ArrayList<>();
        if (lost.get() > 0 || failed.get() > 0 || answered200.get() < good.get()) {
            regressions.add("good alarms lost or refused");
        }
        if (end.heapMb - start.heapMb > 8) {
            regressions.add("heap grew by " + (end.heapMb - start.heapMb) + " MB");
        }
        if (end.threads - start.threads > 10) {
            regressions.add("threads grew from " + start.threads + " to " + end.threads);
        }
        if (end.files - start.files > 20) {
            regressions.add("open files grew from " + start.files + " to " + end.files);
        }
        if (relayReceived.get() < personWhileRelayUp.get() * 0.98) {
            regressions.add("the relay received fewer pushes than alarms asked for while it was up");
        }
        problems.stream().distinct().limit(20).forEach(p -> System.out.println("  problem: " + p));
        regressions.forEach(r -> System.out.println("REGRESSION: " + r));
        System.out.println(regressions.isEmpty() ? "soak: PASS" : "soak: FAIL");
        return regressions.isEmpty();
    }

    private record Vitals(double heapMb, int threads, int files, double rssMb) {}

    /** After a full GC: the heap in use (jcmd), threads and open files and resident memory (/proc). */
    private static Vitals vitals(long pid) throws Exception {
        run("jcmd", String.valueOf(pid), "GC.run");
        String heap = run("jcmd", String.valueOf(pid), "GC.heap_info");
        double heapMb = 0;
        java.util.regex.Matcher used = java.util.regex.Pattern.compile("used (\\d+)K").matcher(heap);
        if (used.find()) {
            heapMb = Long.parseLong(used.group(1)) / 1024.0;
        }
        String status = Files.readString(Path.of("/proc/" + pid + "/status"));
        int threads = Integer.parseInt(field(status, "Threads:"));
        double rssMb = Long.parseLong(field(status, "VmRSS:").replace("kB", "").strip()) / 1024.0;
        int files;
        try (var fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            files = (int) fds.count();
        }
        return new Vitals(heapMb, threads, files, rssMb);
    }

    private static String field(String status, String name) {
        for (String line : status.split("\n")) {
            if (line.startsWith(name)) {
                return line.substring(name.length()).strip();
            }
        }
        return "0";
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(uri("/camalarm/api/things/camalarm:http:relay"))
                                        .header("Authorization", "Bearer " + API)
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException e) {
                // not yet listening
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the hub did not start: " + Files.readString(dir.resolve("hub.log")));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String vigiJson(long n, String type) {
        return "{\"mac\":\"98-ba-5f-8b-10-03\",\"device_name\":\"Soak " + n + "\",\"event_list\":[{\"dateTime\":"
                + "\"20261005150501\",\"event_type\":[\"" + type + "\"]}]}";
    }

    private byte[] multipart(long n) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--ReportEventBoundary\r\nContent-Disposition: form-data; name=\"event\"\r\nContent-Type: "
                        + "application/json\r\n\r\n" + vigiJson(n, "MOTION") + "\r\n--ReportEventBoundary\r\n"
                        + "Content-Disposition: form-data; name=\"20261005150501\"\r\nContent-Type: image/jpeg\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        body.write(jpeg);
        body.write("\r\n--ReportEventBoundary--\r\n".getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    private static String tvt() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><config version=\"1.7\" xmlns=\"http://www.ipc.com/ver10\">"
                + "<alarmStatusInfo><motionAlarm type=\"boolean\" id=\"1\">true</motionAlarm></alarmStatusInfo></config>";
    }

    private static byte[] jpeg(int size) {
        byte[] bytes = new byte[size];
        new java.util.Random(7).nextBytes(bytes);
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        bytes[size - 2] = (byte) 0xFF;
        bytes[size - 1] = (byte) 0xD9;
        return bytes;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
