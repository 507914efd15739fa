package org.camalarm.mqtt;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camalarm.thing.ThingHandler;
import org.camalarm.thing.ThingRegistry;
import org.camalarm.thing.ThingStatusInfo.Detail;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge to one broker for one configuration. Everything happens on one thread
 * ({@value #THREAD}): taking noted thing changes into the {@link Outbox}, (re)connecting after a
 * {@link Backoff}, and publishing with at most {@value #WINDOW} messages awaiting the broker. On
 * every connect it announces the hub ({@code online}; the last will says {@code offline}),
 * subscribes again (clean session) and sends everything the outbox holds. Alarm threads only ever
 * note a change and wake this thread up: a slow or dead broker delays nothing but this thread.
 */
final class MqttSession implements BrokerLink.Events {

    static final String THREAD = "camalarm-mqtt";
    /** Publications awaiting the broker's acknowledgement at once. */
    static final int WINDOW = 16;

    private static final int MAX_EVENTS = 256;
    private static final Duration MAX_EVENT_AGE = Duration.ofSeconds(60);
    /** How long things have to appear after a start before former topics nobody claims are cleared. */
    static final Duration SWEEP_GRACE = Duration.ofSeconds(30);
    /** A connection that lasted this long starts the backoff over when it drops. */
    private static final Duration STABLE = Duration.ofSeconds(10);

    private static final Logger LOGGER = LoggerFactory.getLogger(MqttSession.class);

    private final MqttSettings settings;
    private final ThingChangeQueue changes;
    private final ThingRegistry registry;
    private final ConnectionReport report;
    private final Topics topics;
    private final ThingPublisher publisher;
    private final Outbox outbox = new Outbox(MAX_EVENTS, MAX_EVENT_AGE);
    private final Backoff backoff;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledThreadPoolExecutor executor;
    private final AtomicBoolean drainDue = new AtomicBoolean();
    private final Inbound inbound;
    private final TopicLedger ledger;
    private final Duration sweepGrace;

    // the bridge thread's own state
    private @Nullable BrokerTrust trust;
    private @Nullable BrokerLink link;
    private boolean connected;
    private boolean stopped;
    private int inFlight;
    private boolean pumpDue;
    private @Nullable ScheduledFuture<?> retry;
    private @Nullable ScheduledFuture<?> watchdog;
    private boolean saveDue;

    /**
     * @param retainedFile where the retained topics published are kept across runs (see {@link RetainedTopics}),
     *                     or {@code null} to keep none
     * @param sweepGrace   how long after the start former topics are left alone
     */
    MqttSession(
            MqttSettings settings,
            ThingChangeQueue changes,
            ThingRegistry registry,
            ConnectionReport.Observer observer,
            @Nullable Path retainedFile,
            Duration sweepGrace) {
        this.settings = settings;
        this.sweepGrace = sweepGrace;
        this.changes = changes;
        this.registry = registry;
        this.report = new ConnectionReport(settings, observer);
        this.publisher = new ThingPublisher(registry, settings);
        this.topics = new Topics(settings.baseTopic(), settings.discoveryPrefix());
        this.ledger = new TopicLedger(settings, retainedFile, registry, outbox, publisher);
        this.inbound = new Inbound(topics, new CommandDispatcher(topics, registry), this::run, () -> {
            LOGGER.debug("Home Assistant started: announcing every thing again");
            outbox.resend(EnumSet.of(Outbox.Kind.CONFIG, Outbox.Kind.STATUS, Outbox.Kind.STATE));
            pump();
        });
        this.backoff = new Backoff(
                settings.reconnectDelay(),
                settings.maxReconnectDelay(),
                STABLE,
                bound -> ThreadLocalRandom.current().nextLong(bound + 1));
        this.executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, THREAD);
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    /** Starts connecting and publishing every thing; returns at once. */
    void start() {
        report.connecting();
        changes.attach(this::wakeUp);
        run(() -> {
            publisher.start(outbox);
            for (ThingHandler handler : registry.all(ThingHandler.class)) {
                changes.touch(handler.thing().uid().thingId());
            }
            if (ledger.load()) {
                executor.schedule(
                        () -> run(() -> {
                            ledger.sweep();
                            saveLater();
                            pump();
                        }),
                        sweepGrace.toMillis(),
                        TimeUnit.MILLISECONDS);
            }
            connect();
        });
    }

    /**
     * Says {@code offline} on the hub's topic (a clean disconnect does not fire the last will) and
     * disconnects, within a few seconds at most; no thread of this session survives.
     */
    void stop() {
        changes.detach();
        try {
            Future<?> goodbye = executor.submit(() -> {
                stopped = true;
                cancelTimers();
                ledger.save();
                BrokerLink current = link;
                link = null;
                if (current != null) {
                    if (connected) {
                        current.goodbye(topics.hubStatus(), Payloads.OFFLINE, settings.qos());
                    } else {
                        current.close();
                    }
                }
                connected = false;
            });
            goodbye.get(5, TimeUnit.SECONDS);
        } catch (RejectedExecutionException | ExecutionException | TimeoutException e) {
            LOGGER.debug("MQTT bridge did not stop cleanly: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A thing changed (any thread): the bridge thread takes the changes, once however many come meanwhile. */
    private void wakeUp() {
        if (drainDue.compareAndSet(false, true)) {
            run(this::drain);
        }
    }

    private void drain() {
        drainDue.set(false);
        publisher.apply(changes.take(), outbox);
        if (publisher.takeTopicsChanged()) {
            saveLater();
        }
        pump();
    }

    private void saveLater() {
        if (!saveDue && ledger.keeps()) {
            saveDue = true;
            executor.schedule(
                    () -> run(() -> {
                        saveDue = false;
                        ledger.save();
                    }),
                    2,
                    TimeUnit.SECONDS);
        }
    }

    private void connect() {
        retry = null;
        if (stopped) {
            return;
        }
        try {
            BrokerTrust currentTrust = trust;
            if (currentTrust == null && settings.tls()) {
                currentTrust = BrokerTrust.of(settings);
                trust = currentTrust;
            }
            BrokerLink attempt = new BrokerLink(settings, currentTrust, topics.hubStatus(), executor, this);
            link = attempt;
            watchdog = executor.schedule(
                    () -> {
                        if (link == attempt && !connected) {
                            attempt.abandon();
                            connectFailed(attempt, new MqttException(MqttException.REASON_CODE_CLIENT_TIMEOUT));
                        }
                    },
                    BrokerLink.CONNECT_TIMEOUT_SECONDS + 5L,
                    TimeUnit.SECONDS);
        } catch (MqttException | RuntimeException | java.security.GeneralSecurityException | java.io.IOException e) {
            failed(e);
        }
    }

    @Override
    public void connected(BrokerLink connection) {
        if (connection != link) {
            return;
        }
        cancelTimers();
        connected = true;
        inFlight = 0;
        Instant now = clock.instant();
        backoff.connected(now);
        connection.publish(topics.hubStatus(), Payloads.ONLINE, settings.qos(), true, outcome -> {});
        List<String> filters = new ArrayList<>(topics.commandFilters());
        if (settings.discovery()) {
            filters.add(topics.homeAssistantStatus());
        }
        try {
            connection.subscribe(filters, settings.qos());
        } catch (MqttException e) {
            LOGGER.warn(
                    "MQTT bridge cannot subscribe to its command topics on {}: {}", settings.broker(), e.toString());
        }
        outbox.resendAll();
        report.connected(now, publisher.count());
        pump();
    }

    @Override
    public void connectFailed(BrokerLink connection, Throwable failure) {
        if (connection == link) {
            failed(failure);
        }
    }

    private void failed(Throwable failure) {
        dropLink();
        report.offline(clock.instant(), false);
        BrokerTrust currentTrust = trust;
        ConnectFailure why =
                ConnectFailure.of(failure, settings, currentTrust == null ? null : currentTrust.presented());
        Duration delay = why.permanent() ? backoff.max() : backoff.next();
        String description = why.description()
                + (why.permanent()
                        ? "; next try in " + delay.toSeconds() + " s"
                        : "; retrying (at most every " + backoff.max().toSeconds() + " s)");
        report.failed(description, why.permanent() ? Detail.CONFIGURATION_ERROR : Detail.COMMUNICATION_ERROR);
        retry = executor.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void lost(BrokerLink connection, Throwable cause) {
        if (connection != link) {
            return;
        }
        Instant now = clock.instant();
        backoff.lost(now);
        report.offline(now, true);
        dropLink();
        report.failed(
                "connection to " + settings.broker() + " lost: " + ConnectFailure.message(cause) + "; reconnecting",
                Detail.COMMUNICATION_ERROR);
        retry = executor.schedule(this::connect, backoff.next().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void dropLink() {
        cancelTimers();
        connected = false;
        inFlight = 0;
        BrokerLink current = link;
        link = null;
        if (current != null) {
            current.close();
        }
    }

    /** Sends what is due, as long as the window has room. */
    private void pump() {
        pumpDue = false;
        BrokerLink current = link;
        Instant now = clock.instant();
        while (connected && current != null && inFlight < WINDOW) {
            Outbox.Message message = outbox.next(now);
            if (message == null) {
                break;
            }
            BrokerLink.Sent sent =
                    current.publish(message.topic(), message.payload(), settings.qos(), message.retained(), failure -> {
                        if (link == current) {
                            acknowledged(message, failure);
                        }
                    });
            if (sent == BrokerLink.Sent.SENT) {
                inFlight++;
            } else {
                outbox.failed(message);
                if (sent == BrokerLink.Sent.FULL) {
                    pumpLater(10); // Paho counts an acknowledgement a moment after reporting it
                }
                break;
            }
        }
        report.pending(outbox.pending());
    }

    private void acknowledged(Outbox.Message message, @Nullable Throwable failure) {
        inFlight--;
        if (failure == null) {
            outbox.delivered(message);
            pump();
        } else {
            outbox.failed(message);
            LOGGER.debug("MQTT publish to {} failed: {}", message.topic(), failure.toString());
            pumpLater(1000);
        }
    }

    private void pumpLater(long millis) {
        if (!pumpDue && !stopped) {
            pumpDue = true;
            executor.schedule(this::pump, millis, TimeUnit.MILLISECONDS);
        }
    }

    /** A message from the broker (Paho's thread): a command or Home Assistant's birth. */
    @Override
    public void arrived(String topic, MqttMessage message) {
        inbound.arrived(topic, message);
    }

    private void cancelTimers() {
        ScheduledFuture<?> pendingRetry = retry;
        if (pendingRetry != null) {
            pendingRetry.cancel(false);
            retry = null;
        }
        ScheduledFuture<?> pendingWatchdog = watchdog;
        if (pendingWatchdog != null) {
            pendingWatchdog.cancel(false);
            watchdog = null;
        }
    }

    /** Runs on the bridge thread; nothing once the session is stopped. */
    private void run(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            // stopped
        }
    }
}
