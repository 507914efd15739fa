package org.camalarm.push;

import java.lang.reflect.InvocationTargetException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Threads and plain-HTTP clients shared by the {@link PushClient}s of many devices, so that the
 * hub's threads do not grow with its devices (a JDK {@link HttpClient} owns a selector thread):
 * one bounded pool of {@value #THREADS} daemon threads ({@code camalarm-push-N}, idle ones end after
 * 30 s) runs the HTTPS clients' callbacks and UDP sends, and devices spoken to over plain HTTP share one
 * {@link HttpClient} per connect timeout (which, for devices at an IP address, runs its tasks
 * inline: see {@link #plainHttp}). HTTPS devices keep a client of their own: its trust
 * manager holds that device's certificate pin, and pooled TLS connections must never serve a
 * device with another pin.
 *
 * <p>The tasks given to the pool never block on the network (the HTTP client is asynchronous), so
 * a device that hangs holds no thread. At most {@value #QUEUE_CAPACITY} tasks wait for a thread:
 * while the queue is full, {@link #saturation()} says so and a {@link PushClient} fails new pushes
 * with {@link PushResult.Reason#OVERLOADED} instead of queueing them without end. Thread-safe. {@link #close()} ends the threads and releases
 * the clients; clients built on it must be closed first.
 */
public final class SharedTransport implements AutoCloseable {

    /** Threads of the shared pool. */
    public static final int THREADS = 4;
    /** Tasks that may wait for a thread of the pool. */
    public static final int QUEUE_CAPACITY = 1024;

    private static final Logger LOGGER = LoggerFactory.getLogger(SharedTransport.class);
    /** Four octets of 0-255: "999.1.1.1" is a name to the JDK, and would be looked up. */
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(?!$)|$)){4}");

    private final ThreadPoolExecutor executor;
    private final Map<String, HttpClient> plainClients = new ConcurrentHashMap<>();

    private final int queueCapacity;

    public SharedTransport() {
        this(THREADS, QUEUE_CAPACITY);
        if (ForkJoinPool.getCommonPoolParallelism() < 2) {
            // the JDK HTTP client completes each asynchronous exchange through CompletableFuture's
            // default executor, which is then a new thread per task (the embedded hub sets this itself)
            LOGGER.info("This JVM's common pool has one thread: every HTTP push will start a thread of its own."
                    + " Start the JVM with -Djava.util.concurrent.ForkJoinPool.common.parallelism=2");
        }
    }

    /** A pool of {@code threads} with room for {@code queueCapacity} waiting tasks (tests make it small). */
    SharedTransport(int threads, int queueCapacity) {
        this.queueCapacity = queueCapacity;
        AtomicInteger count = new AtomicInteger();
        executor = new ThreadPoolExecutor(
                threads,
                threads,
                30,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(queueCapacity),
                r -> {
                    Thread t = new Thread(r, "camalarm-push-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                },
                new ThreadPoolExecutor.AbortPolicy()); // a full queue throws RejectedExecutionException
        executor.allowCoreThreadTimeOut(true);
    }

    /** Why no push may start now (the pool's queue is full), or {@code null} when there is room. */
    @Nullable
    String saturation() {
        return executor.getQueue().remainingCapacity() == 0
                ? "the hub's push threads are saturated (" + queueCapacity + " tasks waiting)"
                : null;
    }

    /** The shared pool. */
    Executor executor() {
        return executor;
    }

    /**
     * The plain-HTTP client for devices with this connect timeout. With {@code inline}, the client
     * runs its tasks on the thread that completes them instead of handing them to the pool: a push
     * is written on the thread that sends it (for a rule, the camera's request: the relay gets it
     * without a thread hand-off, a third of a millisecond on a busy machine) and its answer is read
     * and judged on the client's selector thread. Only for devices whose address is an IP literal:
     * the client resolves a name on the thread that starts the exchange, and a lookup that hangs must
     * not hold a camera's answer. Callbacks on these pushes must not block.
     */
    synchronized HttpClient plainHttp(Duration connectTimeout, boolean inline) {
        String key = connectTimeout + (inline ? " inline" : "");
        HttpClient known = plainClients.get(key);
        if (known != null) {
            return known;
        }
        HttpClient built = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .executor(inline ? Runnable::run : executor)
                .build();
        plainClients.put(key, built);
        return built;
    }

    /** Whether a host is an IP address literal (then connecting needs no name lookup). */
    static boolean ipLiteral(String host) {
        return host.indexOf(':') >= 0 || IPV4.matcher(host).matches();
    }

    /** Threads alive in the shared pool now (for the benchmark and tests). */
    public int threads() {
        return executor.getPoolSize();
    }

    /** Plain-HTTP clients made so far (tests: one per connect timeout, not one per device). */
    int plainClients() {
        return plainClients.size();
    }

    @Override
    public void close() {
        List<HttpClient> clients = new ArrayList<>(plainClients.values());
        plainClients.clear();
        clients.forEach(SharedTransport::shutdown);
        executor.shutdown();
    }

    /** JDK 21+ can shut a client down (closing pooled connections); on 17 it is released when unreachable. */
    static void shutdown(HttpClient http) {
        try {
            HttpClient.class.getMethod("shutdown").invoke(http);
        } catch (NoSuchMethodException e) {
            // JDK 17: no shutdown; the selector thread ends once the client is unreachable
        } catch (IllegalAccessException | InvocationTargetException e) {
            LOGGER.debug("could not shut down a shared HTTP client", e);
        }
    }
}
