package org.camalarm.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Stock Apache Karaf (unpacked by Maven from Central) with the camalarm feature installed at boot,
 * as {@code feature:repo-add} + {@code feature:install} would: its own copy in a temporary directory,
 * every port free at run time, no console, and Maven artifacts only from Karaf's {@code system/}
 * (where the bundle and feature under test are put) and the repository Maven filled for it
 * ({@code karaf-maven-plugin:features-add-to-repository}): nothing from the network or {@code ~/.m2}.
 */
final class Karaf implements AutoCloseable {

    static final String VERSION = "0.1.0-SNAPSHOT";
    /** Boots took 14-83 s on two shared cores under load; a hung one shows its log. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    final Path home;
    final int port;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger probes = new AtomicInteger();
    private Process process;

    /** Copies the distribution to {@code home} and configures it; {@code etc} files (name to content) are added. */
    Karaf(Path home, Map<String, String> etc) throws IOException {
        this.home = home;
        copyTree(Path.of(System.getProperty("camalarm.karaf.dist")), home);
        int[] ports = freePorts(4);
        this.port = ports[0];
        Path etcDir = home.resolve("etc");
        edit(etcDir.resolve("org.apache.karaf.shell.cfg"), Map.of("sshPort", "" + ports[1], "sshHost", "127.0.0.1"));
        edit(
                etcDir.resolve("org.apache.karaf.management.cfg"),
                Map.of("rmiRegistryPort", "" + ports[2], "rmiServerPort", "" + ports[3]));
        Files.writeString(
                etcDir.resolve("org.ops4j.pax.web.cfg"),
                String.join(
                        "\n",
                        "org.osgi.service.http.enabled = true",
                        "org.osgi.service.http.port = " + port,
                        "org.ops4j.pax.web.listening.addresses = 127.0.0.1",
                        "org.osgi.service.http.secure.enabled = false",
                        "javax.servlet.context.tempdir = ${karaf.data}/pax-web/tmp",
                        ""));
        Path repo = Path.of(System.getProperty("camalarm.karaf.repo"));
        Files.writeString(
                etcDir.resolve("org.ops4j.pax.url.mvn.cfg"),
                String.join(
                        "\n",
                        "org.ops4j.pax.url.mvn.defaultRepositories = ${karaf.home.uri}system@id=system.repository@snapshots, "
                                + repo.toUri() + "@id=camalarm.it@snapshots",
                        "org.ops4j.pax.url.mvn.repositories =",
                        "org.ops4j.pax.url.mvn.localRepository = ${karaf.data}/m2",
                        "org.ops4j.pax.url.mvn.offline = true",
                        "org.ops4j.pax.url.mvn.useFallbackRepositories = false",
                        ""));
        // the bundle and feature under test, where mvn:org.camalarm/camalarm/<version>[/xml/features] find them
        Path system = Files.createDirectories(home.resolve("system/org/camalarm/camalarm/" + VERSION));
        Files.copy(Path.of(System.getProperty("camalarm.bundle.jar")), system.resolve("camalarm-" + VERSION + ".jar"));
        Files.copy(
                Path.of(System.getProperty("camalarm.feature.xml")),
                system.resolve("camalarm-" + VERSION + "-features.xml"));
        // feature:repo-add + feature:install, done by Karaf at its first boot
        Path features = etcDir.resolve("org.apache.karaf.features.cfg");
        String before = Files.readString(features);
        String after = before.replace(
                        "featuresRepositories = \\\n",
                        "featuresRepositories = mvn:org.camalarm/camalarm/" + VERSION + "/xml/features, \\\n")
                .replace("featuresBoot = \\\n", "featuresBoot = camalarm, \\\n");
        if (!after.contains("featuresBoot = camalarm, ")
                || !after.contains("featuresRepositories = mvn:org.camalarm/")) {
            throw new IllegalStateException("the layout of " + features + " changed: camalarm not added");
        }
        Files.writeString(features, after);
        for (Map.Entry<String, String> file : etc.entrySet()) {
            Files.writeString(etcDir.resolve(file.getKey()), file.getValue());
        }
    }

    /** Starts Karaf and waits until camalarm's REST API and alarm endpoint answer. */
    Karaf start(String alarmToken) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "daemon") // exec: the JVM
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        home.resolve("console.out").toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("JAVA_OPTS"); // it would replace Karaf's own options
        builder.environment().put("EXTRA_JAVA_OPTS", "-XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        process = builder.start();
        // a fresh path for every probe: Jetty 9.4 caches the servlet chain per path, and a path asked for
        // while camalarm's servlets register can stay on the catch-all 404
        await("camalarm answering in Karaf on port " + port)
                .atMost(READY_TIMEOUT)
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("Karaf exited: " + log());
                    }
                    int n = probes.incrementAndGet();
                    return status("GET", "/camalarm/api/ready-" + n) == 401
                            && status("DELETE", "/camalarm/alarm/" + alarmToken + "/ready-" + n) == 405;
                });
        return this;
    }

    private int status(String method, String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(uri(path))
                                .method(method, HttpRequest.BodyPublishers.noBody())
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        BodyHandlers.discarding())
                .statusCode();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Karaf's log so far. */
    String log() throws IOException {
        Path log = home.resolve("data/log/karaf.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Stops Karaf as a service manager would (SIGTERM: its shutdown hook stops the framework). */
    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        children.forEach(ProcessHandle::destroyForcibly);
        process = null;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    /** Sets {@code key = value} lines of a Karaf .cfg file; a key it lacks is an error (the layout changed). */
    private static void edit(Path cfg, Map<String, String> values) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(cfg));
        for (Map.Entry<String, String> value : values.entrySet()) {
            int line = IntStream.range(0, lines.size())
                    .filter(i -> lines.get(i).matches("\\s*" + value.getKey() + "\\s*=.*"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(value.getKey() + " not in " + cfg));
            lines.set(line, value.getKey() + " = " + value.getValue());
        }
        Files.write(cfg, lines);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
