import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark helper (bench/polling.sh): N Shelly Gen1 relays on 127.0.0.1, each on its own port, that
 * answer GET /relay/0 with their state. Writes the ports to PORTS_FILE, one per line, then prints
 * the number of requests served so far each time a line arrives on standard input; ends at EOF.
 *
 *   java bench/FakeRelays.java N PORTS_FILE
 */
public class FakeRelays {
    public static void main(String[] args) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int count = Integer.parseInt(args[0]);
        AtomicLong requests = new AtomicLong();
        ExecutorService workers = Executors.newFixedThreadPool(4);
        byte[] reply = "{\"ison\":false,\"has_timer\":false,\"timer_started\":0,\"timer_duration\":0,\"timer_remaining\":0,\"source\":\"http\"}"
                .getBytes(StandardCharsets.UTF_8);
        List<HttpServer> servers = new ArrayList<>();
        List<String> ports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            server.createContext("/", exchange -> {
                try (exchange) {
                    exchange.getRequestBody().readAllBytes();
                    requests.incrementAndGet();
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, reply.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(reply);
                    }
                }
            });
            server.setExecutor(workers);
            server.start();
            servers.add(server);
            ports.add(String.valueOf(server.getAddress().getPort()));
        }
        Files.write(Path.of(args[1]), ports);
        while (System.in.read() >= 0) {
            System.out.println(requests.get());
            System.out.flush();
            while (System.in.available() > 0) {
                System.in.read();
            }
        }
        servers.forEach(s -> s.stop(0));
        workers.shutdownNow();
    }
}
