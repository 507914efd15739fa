package org.camalarm.mqtt;

import java.security.GeneralSecurityException;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Consumer;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.ScheduledExecutorPingSender;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * One Paho client for one connection attempt and, if it succeeds, that connection's life. Every
 * word from Paho (its threads) is handed to the bridge thread and dropped there once the link is
 * closed, so nothing a given-up client says late can change the session. MQTT 3.1.1, clean session,
 * Paho's automatic reconnect off (its timer outlives the client; the session reconnects itself).
 * Methods other than the callbacks are for the bridge thread.
 */
final class BrokerLink {

    static final int CONNECT_TIMEOUT_SECONDS = 10;
    private static final int KEEP_ALIVE_SECONDS = 30;
    /** Paho's limit of unacknowledged publications: well above the session's own window (see MqttSession). */
    private static final int MAX_INFLIGHT = 64;

    /** What the link reports, always on the bridge thread and only while it is open. */
    interface Events {
        void connected(BrokerLink link);

        void connectFailed(BrokerLink link, Throwable failure);

        void lost(BrokerLink link, Throwable cause);

        /** A message on a subscribed topic; called on Paho's thread: it must only queue. */
        void arrived(String topic, MqttMessage message);
    }

    /** How a publication went. */
    enum Sent {
        /** Handed to Paho: its outcome comes to the listener. */
        SENT,
        /** Paho's in-flight limit: try again in a moment. */
        FULL,
        /** Not sent (not connected): it stays due. */
        FAILED
    }

    private final MqttAsyncClient client;
    private final Executor bridge;
    private final PahoThreads threads = new PahoThreads();
    /** Set on the bridge thread: what Paho still reports is dropped. */
    private boolean closed;
    /** Whether Paho's connect sequence (its first task) has ended; guarded by this. */
    private boolean sequenceOver;
    /** Whether the client is to be torn down once the connect sequence ends; guarded by this. */
    private boolean teardownDue;

    private boolean tornDown;

    /**
     * The threads of this one client. Paho hands its connect sequence to {@link #execute} (the
     * first task, as connecting is the first thing done with the client), and its sender, receiver,
     * callback and pings to {@code submit}/{@code schedule}; so the end of the connect sequence is
     * known exactly, and all threads end with the client.
     */
    private final class PahoThreads extends ScheduledThreadPoolExecutor {
        private boolean first = true;

        PahoThreads() {
            super(5, runnable -> {
                Thread thread = new Thread(runnable, "camalarm-mqtt-paho");
                thread.setDaemon(true);
                return thread;
            });
        }

        @NonNullByDefault({}) // the JDK interface says nothing of nullness
        @Override
        public void execute(Runnable task) {
            boolean connectSequence;
            synchronized (this) {
                connectSequence = first;
                first = false;
            }
            if (!connectSequence) {
                super.execute(task);
                return;
            }
            super.execute(() -> {
                try {
                    task.run();
                } finally {
                    sequenceEnded();
                }
            });
        }
    }

    /** Creates the client and starts connecting; the outcome comes to {@code events}. */
    BrokerLink(MqttSettings settings, @Nullable BrokerTrust trust, String willTopic, Executor bridge, Events events)
            throws MqttException, GeneralSecurityException {
        this.bridge = bridge;
        try {
            this.client = new MqttAsyncClient(
                    settings.broker(),
                    settings.clientId(),
                    new MemoryPersistence(),
                    new ScheduledExecutorPingSender(threads),
                    threads);
        } catch (MqttException | RuntimeException e) {
            threads.shutdown();
            throw e;
        }
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(@Nullable Throwable cause) {
                Throwable why = cause != null ? cause : new MqttException(MqttException.REASON_CODE_CONNECTION_LOST);
                onBridge(() -> events.lost(BrokerLink.this, why));
            }

            @Override
            public void messageArrived(@Nullable String topic, @Nullable MqttMessage message) {
                if (topic != null && message != null) {
                    events.arrived(topic, message);
                }
            }

            @Override
            public void deliveryComplete(@Nullable IMqttDeliveryToken token) {
                // each publication has its own listener
            }
        });
        try {
            client.connect(
                    options(settings, trust, willTopic),
                    null,
                    listener(token -> events.connected(this), failure -> events.connectFailed(this, failure)));
        } catch (MqttException | GeneralSecurityException | RuntimeException e) {
            threads.shutdown();
            throw e;
        }
    }

    /** Paho's connect sequence ended (on its thread, which is free now): a client closed meanwhile is torn down. */
    private void sequenceEnded() {
        boolean teardown;
        synchronized (this) {
            sequenceOver = true;
            teardown = teardownDue;
        }
        if (teardown) {
            teardown();
        }
    }

    private static MqttConnectOptions options(MqttSettings settings, @Nullable BrokerTrust trust, String willTopic)
            throws GeneralSecurityException {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1); // the default retries as 3.1: twice the attempts
        options.setCleanSession(true); // commands sent while we were away are stale: never have them replayed
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS);
        options.setKeepAliveInterval(KEEP_ALIVE_SECONDS);
        options.setMaxInflight(MAX_INFLIGHT);
        options.setWill(willTopic, Payloads.OFFLINE, settings.qos(), true);
        if (!settings.username().isEmpty()) {
            options.setUserName(settings.username());
        }
        if (!settings.password().isEmpty()) {
            options.setPassword(settings.password().toCharArray());
        }
        if (trust != null) {
            options.setSocketFactory(trust.socketFactory());
            options.setHttpsHostnameVerificationEnabled(trust.checksHostName());
        }
        return options;
    }

    /** Publishes; {@code done} gets the outcome (null for success) on the bridge thread. */
    Sent publish(String topic, byte[] payload, int qos, boolean retained, Consumer<@Nullable Throwable> done) {
        try {
            client.publish(topic, payload, qos, retained, null, listener(token -> done.accept(null), done::accept));
            return Sent.SENT;
        } catch (MqttException e) {
            return e.getReasonCode() == MqttException.REASON_CODE_MAX_INFLIGHT ? Sent.FULL : Sent.FAILED;
        }
    }

    /** Subscribes (after every connect: a clean session forgets subscriptions). */
    void subscribe(List<String> filters, int qos) throws MqttException {
        client.subscribe(
                filters.toArray(new String[0]),
                filters.stream().mapToInt(f -> qos).toArray());
    }

    /** Publishes {@code payload} and disconnects, waiting at most about two seconds (the bridge is stopping). */
    void goodbye(String topic, byte[] payload, int qos) {
        try {
            if (client.isConnected()) {
                client.publish(topic, payload, qos, true).waitForCompletion(1000);
                client.disconnect(500).waitForCompletion(1500);
            }
        } catch (MqttException e) {
            // closed below either way
        }
        close();
    }

    /**
     * Ends the client: its sockets and threads end, and whatever it still reports is dropped. During
     * Paho's connect sequence (TCP or TLS connect, starting its threads, sending CONNECT; not the
     * wait for the broker's answer) the teardown waits for the sequence to end: Paho 1.2.5 starts
     * its receiver, sender and callback there and polls every 100 ms until each runs; torn down at
     * that moment they stop before a poll sees them running, and the connect thread polls forever.
     */
    void close() {
        closed = true;
        boolean now;
        synchronized (this) {
            teardownDue = true;
            now = sequenceOver;
        }
        if (now) {
            teardown();
        }
    }

    /** Ends a client whose connect sequence is stuck beyond every timeout: the race above is the lesser harm. */
    void abandon() {
        closed = true;
        teardown();
    }

    private void teardown() {
        synchronized (this) {
            if (tornDown) {
                return;
            }
            tornDown = true;
        }
        try {
            client.disconnectForcibly(0, 0, false);
        } catch (MqttException e) {
            // not connected: nothing to end
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            // closed already
        } finally {
            threads.shutdown(); // idle threads end; Paho's own tasks ended with the connection
        }
    }

    private IMqttActionListener listener(Consumer<IMqttToken> success, Consumer<Throwable> failure) {
        return new IMqttActionListener() {
            @Override
            public void onSuccess(@Nullable IMqttToken token) {
                if (token != null) {
                    onBridge(() -> success.accept(token));
                }
            }

            @Override
            public void onFailure(@Nullable IMqttToken token, @Nullable Throwable exception) {
                Throwable why =
                        exception != null ? exception : new MqttException(MqttException.REASON_CODE_UNEXPECTED_ERROR);
                onBridge(() -> failure.accept(why));
            }
        };
    }

    private void onBridge(Runnable task) {
        try {
            bridge.execute(() -> {
                if (!closed) {
                    task.run();
                }
            });
        } catch (RejectedExecutionException e) {
            // the session stopped
        }
    }
}
