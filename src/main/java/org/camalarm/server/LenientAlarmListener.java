package org.camalarm.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camalarm.config.ConfigReader;
import org.camalarm.http.Answer;
import org.camalarm.time.RateLimit;
import org.camalarm.time.Timers;
import org.camalarm.time.Timers.Cancellable;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A second way in for cameras whose requests the hub's HTTP server refuses. iVSEC documents its
 * Event Push as {@code GET /path?EventType=VideoMotion&EventTime=2022-5-26 11:5:0&... HTTP/1.1},
 * with a raw space in the request line; Jetty answers such a request 400 before any servlet runs
 * (and its maintainers will not relax that). This listener reads the request line leniently
 * ({@link RequestHead}), serves one request per connection as cameras send them, and hands it to
 * the same {@link AlarmEndpoint} as the servlet, so the answers are the same.
 *
 * <p>It also serves TVT's legacy alarm server, which the HTTP server cannot: {@code POST
 * /SendAlarmStatus} with a bare-LF head and no {@code Content-Length} (the body is read to its
 * end, {@link LenientBodies}), and the heartbeat that arrives as bare XML with no request line
 * (handled, and not answered: the sender spoke no HTTP). Both come without the alarm token, so
 * only TVT XML is taken that way ({@link AlarmEndpoint#handleTvtLegacy}).
 *
 * <p>Off unless {@code lenientPort} is set in {@code camalarm.server.cfg} (the embedded hub's
 * default configuration sets 8089). Binds to {@code org.apache.felix.http.host} when that is set,
 * like the HTTP server. Bounded: heads up to {@value #MAX_HEAD_BYTES} bytes, bodies up to
 * {@code maxBodyBytes}, {@value #MAX_WORKERS} requests at once plus {@value #QUEUE} waiting, and
 * {@value #MAX_PER_ADDRESS} connections per sender address (more are closed at once, with one
 * warning a minute), {@value #READ_TIMEOUT_MS} ms of silence or {@value #CONNECTION_DEADLINE_S} s in
 * all end a connection (a sender dribbling bytes cannot hold a worker).
 */
@Component(
        configurationPid = "camalarm.server",
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = {})
public class LenientAlarmListener {

    static final int MAX_HEAD_BYTES = 16 * 1024;
    static final int MAX_WORKERS = 16;
    static final int QUEUE = 64;
    static final int READ_TIMEOUT_MS = 10_000;
    /**
     * Connections one address may hold at once: a camera opens one per alarm and closes it, so a
     * sender holding more (idle or dribbling) cannot take the workers every other camera needs.
     */
    static final int MAX_PER_ADDRESS = 4;

    static final int CONNECTION_DEADLINE_S = 30;
    /** What a connection refused unread is told: try again shortly. */
    private static final Answer BUSY = Answer.error(503, "busy", "too many connections; push again shortly")
            .with(List.of(new Answer.Header("Retry-After", "5")));

    private static final Logger LOGGER = LoggerFactory.getLogger(LenientAlarmListener.class);

    private final AlarmEndpoint endpoint;
    private final Timers timers;
    /** Connections open (queued or served) per sender address. */
    private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();
    /** One warning a minute for connections refused (a flood, or a sender holding too many). */
    private final RateLimit refusals = new RateLimit(1, Duration.ofMinutes(1), Clock.systemUTC());

    private final ConfigReader configs;
    private final @Nullable String host;
    /** Serves the connections of every port this listener had: one being served outlives a port change. */
    private final ThreadPoolExecutor workers;
    /** The port asked for (0: off); guarded by {@code this}. */
    private int port;

    private volatile @Nullable ServerSocket server;

    /** The key of {@code camalarm.server} this component reads. */
    interface Config {
        int lenientPort();
    }

    @Activate
    public LenientAlarmListener(
            @Reference AlarmEndpoint endpoint,
            @Reference Timers timers,
            @Reference ConfigReader configs,
            BundleContext context,
            Map<String, Object> properties) {
        this.endpoint = endpoint;
        this.timers = timers;
        this.configs = configs;
        this.host = context.getProperty("org.apache.felix.http.host");
        AtomicInteger count = new AtomicInteger();
        // core = max: a ThreadPoolExecutor adds threads beyond its core only once the queue is full,
        // so with a smaller core one stalled connection would hold up every camera behind it
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                MAX_WORKERS, MAX_WORKERS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
                    Thread t = new Thread(r, "camalarm-lenient-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true); // no thread while the port is off
        workers = pool;
        modified(properties);
    }

    /**
     * A change of {@code camalarm.server}: the port is opened again only when {@code lenientPort}
     * changed (the others, a password say, are not this listener's: cameras keep connecting).
     */
    @Modified
    synchronized void modified(Map<String, Object> properties) {
        // the server settings component reports problems of camalarm.server; here only the port counts
        int wanted = configs.read(Config.class, ServerSettings.PID, properties)
                .values()
                .lenientPort();
        if (wanted == port && (server != null || wanted <= 0)) {
            return;
        }
        ServerSocket old = server;
        if (old != null) {
            closeQuietly(old);
        }
        port = wanted;
        ServerSocket socket = wanted > 0 ? open(host, wanted) : null;
        server = socket;
        if (socket != null) {
            Thread acceptor = new Thread(() -> accept(socket, workers), "camalarm-lenient-acceptor");
            acceptor.setDaemon(true);
            acceptor.start();
            LOGGER.info(
                    "Lenient alarm listener on port {} (for cameras whose request lines the HTTP server refuses)",
                    socket.getLocalPort());
        }
    }

    private static @Nullable ServerSocket open(@Nullable String host, int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(
                    host == null || host.isBlank()
                            ? new InetSocketAddress(port)
                            : new InetSocketAddress(InetAddress.getByName(host), port),
                    50);
            return socket;
        } catch (IOException e) {
            LOGGER.error("Lenient alarm listener cannot listen on port {}: {}", port, e.getMessage());
            return null;
        }
    }

    private void accept(ServerSocket server, ThreadPoolExecutor workers) {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return; // closed by deactivate
            }
            String remote = socket.getInetAddress().getHostAddress();
            Integer open = perAddress.merge(remote, 1, Integer::sum);
            if (open != null && open > MAX_PER_ADDRESS) {
                refused(socket, remote, "it holds " + MAX_PER_ADDRESS + " connections already");
                continue;
            }
            try {
                workers.execute(() -> {
                    try {
                        serve(socket);
                    } finally {
                        release(remote);
                    }
                });
            } catch (RejectedExecutionException e) {
                refused(socket, remote, "every worker is busy"); // flooded: the camera will push again
            }
        }
    }

    private void refused(Socket socket, String remote, String why) {
        release(remote);
        try { // unread, but answered: a camera told 503 retries later; one that gets nothing may not
            answer(socket.getOutputStream(), BUSY);
            socket.shutdownOutput();
            // what already arrived is discarded without waiting: closing over unread bytes would send a
            // reset, which can destroy the answer before the camera reads it
            InputStream in = socket.getInputStream();
            for (int round = 0; round < 4 && in.available() > 0; round++) {
                in.skip(in.available());
            }
        } catch (IOException e) {
            // gone already
        }
        closeQuietly(socket);
        int before = refusals.acquire("refused");
        if (before >= 0) {
            LOGGER.warn(
                    "Lenient alarm port: a connection from {} answered 503 unread: {}{}",
                    remote,
                    why,
                    before == 0 ? "" : " (" + before + " more refused in the last minute)");
        }
    }

    private void release(String remote) {
        perAddress.computeIfPresent(remote, (address, open) -> open > 1 ? open - 1 : null);
    }

    private void serve(Socket socket) {
        String remote = socket.getInetAddress().getHostAddress();
        Cancellable deadline = timers.schedule(Duration.ofSeconds(CONNECTION_DEADLINE_S), () -> closeQuietly(socket));
        try (socket;
                InputStream in = new BufferedInputStream(socket.getInputStream());
                OutputStream out = socket.getOutputStream()) {
            socket.setSoTimeout(READ_TIMEOUT_MS);
            Answer answer;
            try {
                answer = respond(in, socket, remote);
            } catch (RuntimeException e) {
                LOGGER.warn("Lenient alarm request from {} could not be processed: {}", remote, e.toString());
                answer = Answer.error(400, "unprocessable_alarm", "the request could not be read as an alarm");
            }
            if (answer != null) {
                answer(out, answer);
            }
        } catch (IOException e) {
            LOGGER.debug("Lenient alarm request from {} broke off: {}", remote, e.getMessage());
        } finally {
            deadline.cancel();
        }
    }

    /** The answer to send, or {@code null} when the sender spoke no HTTP and gets none. */
    private @Nullable Answer respond(InputStream in, Socket socket, String remote) throws IOException {
        if (startsWithXml(in)) { // a TVT legacy heartbeat: XML on the connection, no request line
            byte[] body = LenientBodies.readToEnd(in, socket, endpoint.maxBodyBytes());
            if (body != null) {
                endpoint.handleTvtLegacy("application/xml", body, new AlarmEndpoint.Sender(remote, false, null, ""));
            }
            return null;
        }
        ByteArrayOutputStream head = new ByteArrayOutputStream(512);
        if (!readHead(in, head)) {
            return Answer.error(431, "head_too_large", "the request head exceeds " + MAX_HEAD_BYTES + " bytes");
        }
        RequestHead request;
        try {
            request = RequestHead.parse(head.toByteArray(), head.size());
        } catch (IllegalArgumentException e) {
            return Answer.error(400, "bad_request", String.valueOf(e.getMessage()));
        }
        boolean legacy = request.path().equals(AlarmEndpoint.TVT_LEGACY_PATH)
                && request.method().equals("POST");
        AlarmEndpoint.Target target = null;
        if (!legacy) {
            if (!request.path().startsWith(AlarmEndpoint.PATH + "/")) {
                return Answer.NOT_FOUND;
            }
            target = endpoint.target(request.path().substring(AlarmEndpoint.PATH.length()), remote);
            if (target == null) {
                return Answer.NOT_FOUND;
            }
        }
        if (request.chunked()) {
            return Answer.error(411, "length_required", "send the body with a Content-Length");
        }
        if (request.contentLength() > endpoint.maxBodyBytes()) {
            return endpoint.tooLarge();
        }
        byte[] body;
        if (request.contentLength() >= 0) {
            try {
                body = LenientBodies.read(in, request.contentLength());
            } catch (SocketTimeoutException e) { // answered as the main port answers it
                return Answer.error(408, "body_timeout", "the rest of the body did not come in time");
            } catch (IOException e) {
                return Answer.error(400, "incomplete_body", "the body ended before it was complete");
            }
        } else if (request.method().equals("POST")) {
            body = LenientBodies.readToEnd(in, socket, endpoint.maxBodyBytes()); // TVT legacy: no length
            if (body == null) {
                return endpoint.tooLarge();
            }
        } else {
            body = new byte[0];
        }
        if (target == null) {
            return endpoint.handleTvtLegacy(
                    request.contentType(),
                    body,
                    new AlarmEndpoint.Sender(remote, false, request.authorization(), request.path()));
        }
        String query = request.query();
        AlarmEndpoint.Sender sender = new AlarmEndpoint.Sender(
                remote, false, request.authorization(), query == null ? request.path() : request.path() + "?" + query);
        return endpoint.handle(target, request.method(), query, request.contentType(), body, sender);
    }

    /** Whether the connection starts (after blank lines) with {@code <}; the blanks are consumed. */
    private static boolean startsWithXml(InputStream in) throws IOException {
        while (true) {
            in.mark(1);
            int c = in.read();
            if (c != '\r' && c != '\n' && c != ' ' && c != '\t') {
                in.reset();
                return c == '<';
            }
        }
    }

    /** Reads up to the blank line that ends the head; false when it is too long. */
    private static boolean readHead(InputStream in, ByteArrayOutputStream head) throws IOException {
        int previous = -1;
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n' && previous == '\n') { // LF LF or CR LF CR LF: CRs are never "previous"
                return true;
            }
            if (c != '\r') {
                previous = c;
            }
            head.write(c);
            if (head.size() > MAX_HEAD_BYTES) {
                return false;
            }
        }
        throw new IOException("connection closed before the end of the request head");
    }

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(200, "OK"),
            Map.entry(400, "Bad Request"),
            Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"),
            Map.entry(411, "Length Required"),
            Map.entry(413, "Payload Too Large"),
            Map.entry(429, "Too Many Requests"),
            Map.entry(431, "Request Header Fields Too Large"),
            Map.entry(503, "Service Unavailable"));

    private static void answer(OutputStream out, Answer answer) throws IOException {
        StringBuilder head = new StringBuilder(160)
                .append("HTTP/1.1 ")
                .append(answer.status())
                .append(' ')
                .append(REASONS.getOrDefault(answer.status(), "Error"))
                .append("\r\nContent-Type: ")
                .append(answer.contentType())
                .append("\r\nContent-Length: ")
                .append(answer.body().length);
        String allow = answer.allow();
        if (allow != null) {
            head.append("\r\nAllow: ").append(allow);
        }
        for (Answer.Header header : answer.headers()) {
            head.append("\r\n").append(header.name()).append(": ").append(header.value());
        }
        head.append("\r\nConnection: close\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(answer.body());
        out.flush();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to do for it
        }
    }

    @Deactivate
    synchronized void deactivate() {
        ServerSocket socket = server;
        server = null;
        if (socket != null) {
            closeQuietly(socket);
        }
        workers.shutdownNow();
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
