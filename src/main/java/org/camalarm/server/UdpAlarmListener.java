package org.camalarm.server;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.camalarm.config.ConfigReader;
import org.camalarm.http.Answer;
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
 * Alarms over UDP, as the iVSEC camera's Event Push Platform offers beside HTTP and HTTPS. Each
 * datagram is read as an alarm request ({@link AlarmDatagram}) and handed to the same
 * {@link AlarmEndpoint} as the servlet: same token, decoders, routing and inbox.
 *
 * <p>Nothing is ever sent back (a forged source address must not turn the hub into a reflector).
 * A datagram with a wrong token, an unreadable one, and one over its sender's rate
 * ({@value #BURST} at once, {@value #PER_SECOND} a second) are dropped and counted; the first from
 * each sender is logged at debug, and a summary of the drops at most once a minute at info.
 *
 * <p>Off unless {@code udpPort} is set in {@code camalarm.server.cfg} (the embedded hub's generated
 * one says {@code udpPort=${camalarm.udpPort}}, 8089 unless that system property moves it). Binds
 * to {@code org.apache.felix.http.host} when that is set, like the HTTP server (then broadcasts do
 * not arrive). One receiving thread.
 */
@Component(
        configurationPid = ServerSettings.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = {})
public class UdpAlarmListener {

    static final int BURST = 32;
    static final int PER_SECOND = 16;
    static final Duration SUMMARY_PERIOD = Duration.ofMinutes(1);
    /** The largest UDP payload over IPv4. */
    private static final int MAX_DATAGRAM = 65_507;

    private static final Logger LOGGER = LoggerFactory.getLogger(UdpAlarmListener.class);

    /** The key of {@code camalarm.server} this component reads. */
    interface Config {
        int udpPort();
    }

    /** What happened to the datagrams so far. */
    record Counts(long accepted, long dropped, long limited) {}

    private final AlarmEndpoint endpoint;
    private final Timers timers;
    private final DatagramSources sources;
    private final ConfigReader configs;
    private final @Nullable String host;
    /** The port asked for (0: off) and the socket bound to it, if it could be; guarded by {@code this}. */
    private int port;

    private volatile @Nullable DatagramSocket socket;
    private volatile @Nullable Cancellable summary;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong limited = new AtomicLong();
    private final AtomicLong reportedDropped = new AtomicLong();
    private final AtomicLong reportedLimited = new AtomicLong();
    private final AtomicBoolean summaryPending = new AtomicBoolean();

    @Activate
    public UdpAlarmListener(
            @Reference AlarmEndpoint endpoint,
            @Reference Timers timers,
            @Reference ConfigReader configs,
            BundleContext context,
            Map<String, Object> properties) {
        this.endpoint = endpoint;
        this.timers = timers;
        this.sources =
                new DatagramSources(BURST, PER_SECOND, () -> timers.clock().millis());
        this.configs = configs;
        this.host = context.getProperty("org.apache.felix.http.host");
        modified(properties);
    }

    /**
     * A change of {@code camalarm.server}: the port is bound again only when {@code udpPort}
     * changed (the others, a password say, are not this listener's: datagrams keep arriving).
     */
    @Modified
    synchronized void modified(Map<String, Object> properties) {
        // the server settings component reports problems of camalarm.server; here only the port counts
        int wanted = configs.read(Config.class, ServerSettings.PID, properties)
                .values()
                .udpPort();
        if (wanted == port && (socket != null || wanted <= 0)) {
            return;
        }
        close();
        port = wanted;
        DatagramSocket bound = wanted > 0 ? bind(host, wanted) : null;
        socket = bound;
        if (bound != null) {
            Thread receiver = new Thread(() -> receive(bound), "camalarm-udp-alarms");
            receiver.setDaemon(true);
            receiver.start();
            LOGGER.info(
                    "UDP alarm listener on port {}: datagrams carry camalarm/alarm/<alarmToken>/<thingId>…",
                    bound.getLocalPort());
        }
    }

    /** The bound socket, or {@code null} after saying in one line why the port cannot be used. */
    static @Nullable DatagramSocket bind(@Nullable String host, int port) {
        try {
            DatagramSocket bound = new DatagramSocket(null);
            bound.setReuseAddress(false);
            bound.setReceiveBufferSize(256 * 1024);
            bound.bind(
                    host == null || host.isBlank()
                            ? new InetSocketAddress(port)
                            : new InetSocketAddress(InetAddress.getByName(host), port));
            return bound;
        } catch (IOException e) {
            LOGGER.error(
                    "UDP alarm port {} cannot be used ({}): set udpPort in camalarm.server.cfg (0 = off)",
                    port,
                    e.getMessage());
            return null;
        }
    }

    /** The port listened on, or -1 when off. */
    int localPort() {
        DatagramSocket open = socket;
        return open == null ? -1 : open.getLocalPort();
    }

    /** The socket listened on, or {@code null} when off (tests: which one survived a change). */
    @Nullable
    DatagramSocket socket() {
        return socket;
    }

    Counts counts() {
        return new Counts(accepted.get(), dropped.get(), limited.get());
    }

    private void receive(DatagramSocket socket) {
        byte[] buffer = new byte[MAX_DATAGRAM];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!socket.isClosed()) {
            try {
                packet.setLength(buffer.length);
                socket.receive(packet);
            } catch (IOException e) {
                return; // closed by deactivate
            }
            try {
                handle(packet.getAddress().getHostAddress(), buffer, packet.getLength());
            } catch (RuntimeException e) {
                // a defect of ours, met by a datagram we did not foresee: the listener goes on. The
                // exception's message may quote the datagram, which is client data: only at debug
                LOGGER.warn(
                        "UDP alarm from {} could not be processed ({}); log org.camalarm.server at debug for details",
                        packet.getAddress().getHostAddress(),
                        e.getClass().getName());
                LOGGER.debug(
                        "UDP alarm from {} could not be processed",
                        packet.getAddress().getHostAddress(),
                        e);
                dropped.incrementAndGet();
            }
        }
    }

    /** Handles one datagram from {@code remote}; never answers. Only the receiving thread calls it (and tests, while no datagram comes). */
    void handle(String remote, byte[] data, int length) {
        if (!sources.admit(remote)) {
            limited.incrementAndGet();
            scheduleSummary();
            return;
        }
        String refusal = refusal(remote, data, length);
        if (refusal == null) {
            accepted.incrementAndGet();
            return;
        }
        dropped.incrementAndGet();
        scheduleSummary();
        if (sources.firstRefusal(remote) && LOGGER.isDebugEnabled()) {
            LOGGER.debug(
                    "UDP datagram from {} dropped: {} (further drops from there are only counted)", remote, refusal);
        }
    }

    /** Why the datagram was not accepted, or {@code null} when the endpoint took it. */
    private @Nullable String refusal(String remote, byte[] data, int length) {
        AlarmDatagram datagram;
        try {
            datagram = AlarmDatagram.parse(data, length);
        } catch (IllegalArgumentException e) {
            return "not an alarm request: " + e.getMessage();
        }
        RequestHead head = datagram.head();
        AlarmEndpoint.Target target = head.path().startsWith(AlarmEndpoint.PATH + "/")
                ? endpoint.target(head.path().substring(AlarmEndpoint.PATH.length()), remote)
                : null;
        if (target == null) {
            return "not an alarm path with the alarm token";
        }
        if (datagram.body().length > endpoint.maxBodyBytes()) {
            return "body over maxBodyBytes";
        }
        // the same checks as HTTP: a datagram is never TLS, so a camera with credentials is heard
        // over UDP only with credentialsOverHttp, and only a whole request can carry them
        String query = head.query();
        AlarmEndpoint.Sender sender = new AlarmEndpoint.Sender(
                remote, false, head.authorization(), query == null ? head.path() : head.path() + "?" + query);
        Answer answer = endpoint.handle(target, head.method(), query, head.contentType(), datagram.body(), sender);
        return answer.status() == 200 ? null : "the alarm endpoint would answer " + answer.status();
    }

    private void scheduleSummary() {
        if (summaryPending.compareAndSet(false, true)) {
            summary = timers.schedule(SUMMARY_PERIOD, this::summarize);
        }
    }

    private void summarize() {
        summaryPending.set(false);
        long newlyDropped = dropped.get() - reportedDropped.getAndSet(dropped.get());
        long newlyLimited = limited.get() - reportedLimited.getAndSet(limited.get());
        if (newlyDropped + newlyLimited > 0) {
            LOGGER.info(
                    "UDP alarm port {}: {} datagrams dropped in the last minute ({} unreadable, without the alarm"
                            + " token, or refused as an HTTP push would be, e.g. for the camera's credentials or"
                            + " allowedAddresses, which its page then says; {} over a sender's rate); log"
                            + " org.camalarm.server at debug to see the senders and why",
                    localPort(),
                    newlyDropped + newlyLimited,
                    newlyDropped,
                    newlyLimited);
        }
    }

    @Deactivate
    synchronized void deactivate() {
        close();
        Cancellable due = summary;
        if (due != null) {
            due.cancel();
        }
    }

    /** Closes the socket; its receiving thread ends. */
    private void close() {
        DatagramSocket open = socket;
        socket = null;
        if (open != null) {
            open.close();
        }
    }
}
