package org.camalarm.mqtt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real mosquitto broker (Debian package {@code mosquitto}, installed by {@code .ci/run}) on a
 * free loopback port, with a password file and no persistence: a restart forgets every retained
 * message, so whatever is there afterwards was published again. Optionally a TLS listener too.
 */
public final class Mosquitto implements AutoCloseable {

    public static final String USER = "camalarm";
    public static final String PASSWORD = "s3cret-test";
    private static final Path BINARY = Path.of("/usr/sbin/mosquitto");
    private static final Path PASSWD = Path.of("/usr/bin/mosquitto_passwd");

    private final Path dir;
    private final Path log;
    private final int port;
    private final int tlsPort;
    private Process process;

    private Mosquitto(Path dir, int port, int tlsPort) {
        this.dir = dir;
        this.log = dir.resolve("broker.log");
        this.port = port;
        this.tlsPort = tlsPort;
    }

    /** A broker with the test user, listening on a free loopback port. */
    public static Mosquitto start(Path dir) throws Exception {
        return start(dir, null);
    }

    /** A broker with a TLS listener too, using {@code tls}'s server certificate. */
    public static Mosquitto start(Path dir, TlsFiles tls) throws Exception {
        if (!Files.isExecutable(BINARY) || !Files.isExecutable(PASSWD)) {
            throw new IllegalStateException("the MQTT tests need a real broker: install the Debian package mosquitto"
                    + " (apt-get install mosquitto; .ci/run does)");
        }
        Files.createDirectories(dir);
        run(PASSWD.toString(), "-c", "-b", dir.resolve("passwd").toString(), USER, PASSWORD);
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            Mosquitto broker = new Mosquitto(dir, freePort(), tls == null ? -1 : freePort());
            broker.writeConfig(tls);
            try {
                broker.launch();
                return broker;
            } catch (IOException e) {
                last = e; // the free port was taken meanwhile: another one
            }
        }
        throw last;
    }

    private void writeConfig(TlsFiles tls) throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "listener " + port + " 127.0.0.1",
                "allow_anonymous false",
                "password_file " + dir.resolve("passwd"),
                "persistence false",
                "log_dest stderr",
                "log_type error",
                "log_type warning",
                "log_type notice",
                "log_type information",
                "connection_messages true",
                "user " + System.getProperty("user.name")));
        if (tls != null) {
            lines.addAll(List.of(
                    "listener " + tlsPort + " 127.0.0.1",
                    "cafile " + tls.caCertificate(),
                    "certfile " + tls.serverCertificate(),
                    "keyfile " + tls.serverKey()));
        }
        Files.write(dir.resolve("mosquitto.conf"), lines);
    }

    private void launch() throws IOException, InterruptedException {
        process = new ProcessBuilder(
                        BINARY.toString(), "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("mosquitto exited: " + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(10); // polling the port: mosquitto has no readiness signal
            }
        }
        process.destroyForcibly().waitFor();
        throw new IOException("mosquitto not listening after 10 s: " + log());
    }

    /** Stops the broker (its retained messages are gone with it). */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    /** Starts the broker again on the same port. */
    public void restart() throws IOException, InterruptedException {
        stop();
        launch();
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    public String tlsUri(String host) {
        return "ssl://" + host + ":" + tlsPort;
    }

    public int port() {
        return port;
    }

    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Connection attempts the broker saw from clients logging in as {@code clientId}, or as anyone refused. */
    public long lines(String fragment) throws IOException {
        return log().lines().filter(line -> line.contains(fragment)).count();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    /** How long a test waits for the bridge: generous, the machine is shared. */
    public static final Duration PATIENCE = Duration.ofSeconds(10);
}
