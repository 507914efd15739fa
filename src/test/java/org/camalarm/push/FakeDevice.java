package org.camalarm.push;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * A device on loopback: a JDK HttpServer (or HttpsServer) on 127.0.0.1 and a free port that
 * records every request exactly as it arrived and answers through a {@link Behaviour}.
 */
public final class FakeDevice implements AutoCloseable {

    /** One request as the device saw it. */
    public record Seen(String method, String target, Map<String, List<String>> headers, String body, int remotePort) {
        /** {@code GET /relay/0?turn=on} */
        public String line() {
            return method + " " + target;
        }

        /** The first value of a header (case-insensitive), or {@code null}. */
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** A reply to send. */
    public record Reply(int status, String body, Map<String, String> headers) {
        public static Reply of(int status, String body) {
            return new Reply(status, body, Map.of());
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put(name, value);
            return new Reply(status, body, all);
        }
    }

    /** How the device answers. */
    @FunctionalInterface
    public interface Behaviour {
        Reply answer(Seen request) throws Exception;
    }

    static {
        // the JDK server writes headers and body separately: without this, Nagle's algorithm and the
        // client's delayed ACK add ~40 ms to every reply (only effective if set before the first server)
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Seen> requests = new CopyOnWriteArrayList<>();
    private final Set<Integer> connections = ConcurrentHashMap.newKeySet();

    private FakeDevice(HttpServer server, Behaviour behaviour) {
        this.server = server;
        server.createContext("/", exchange -> handle(exchange, behaviour));
        server.setExecutor(executor);
        server.start();
    }

    public static FakeDevice http(Behaviour behaviour) throws IOException {
        return new FakeDevice(
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), behaviour);
    }

    public static FakeDevice https(SSLContext context, Behaviour behaviour) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        return new FakeDevice(server, behaviour);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<Seen> requests() {
        return List.copyOf(requests);
    }

    public List<String> requestLines() {
        List<String> lines = new ArrayList<>();
        requests.forEach(r -> lines.add(r.line()));
        return lines;
    }

    /** Distinct client connections (remote ports) seen. */
    int connectionCount() {
        return connections.size();
    }

    private void handle(HttpExchange exchange, Behaviour behaviour) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String query = exchange.getRequestURI().getRawQuery();
            String target = exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
            int remotePort = exchange.getRemoteAddress().getPort();
            Seen seen = new Seen(exchange.getRequestMethod(), target, headers, body, remotePort);
            requests.add(seen);
            connections.add(remotePort);
            Reply reply;
            try {
                reply = behaviour.answer(seen);
            } catch (Exception e) {
                reply = Reply.of(500, e.toString());
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
