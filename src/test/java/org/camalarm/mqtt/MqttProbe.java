package org.camalarm.mqtt;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * What Home Assistant would see: a Paho client subscribed to everything, recording every message
 * (topic, bytes, whether retained) and the latest payload per topic. Reconnects on {@link #reconnect()}.
 */
public final class MqttProbe implements AutoCloseable {

    /** One message as received. */
    public record Received(String topic, byte[] payload, boolean retained) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final String broker;
    private volatile MqttClient client;
    private final MqttConnectOptions options = new MqttConnectOptions();
    private final String[] filters;
    public final List<Received> messages = new CopyOnWriteArrayList<>();
    public final Map<String, Received> latest = new ConcurrentHashMap<>();

    public MqttProbe(String broker, String... filters) throws MqttException {
        this.filters = filters.length == 0 ? new String[] {"#"} : filters;
        this.broker = broker;
        options.setUserName(Mosquitto.USER);
        options.setPassword(Mosquitto.PASSWORD.toCharArray());
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        connect();
    }

    private void connect() throws MqttException {
        MqttClient fresh = new MqttClient(broker, "probe-" + System.nanoTime() % 1_000_000, new MemoryPersistence());
        fresh.setCallback(new org.eclipse.paho.client.mqttv3.MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {}

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                Received received = new Received(topic, message.getPayload(), message.isRetained());
                messages.add(received);
                latest.put(topic, received);
            }

            @Override
            public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {}
        });
        fresh.connect(options);
        int[] qos = new int[filters.length];
        java.util.Arrays.fill(qos, 1);
        fresh.subscribe(filters, qos);
        client = fresh;
    }

    /** After a broker restart: connects again and subscribes, forgetting what was received. */
    public void reconnect() {
        messages.clear();
        latest.clear();
        // the old client lost its connection with the broker and ends by itself
        await("probe reconnected").atMost(Mosquitto.PATIENCE).ignoreExceptions().until(() -> {
            connect();
            return true;
        });
    }

    public void publish(String topic, String payload, boolean retained) throws MqttException {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, retained);
    }

    /** Waits for the latest message on {@code topic} to satisfy {@code condition}; returns it. */
    public Received awaitLatest(String topic, Predicate<Received> condition) {
        return awaitLatest(topic, Mosquitto.PATIENCE, condition);
    }

    public Received awaitLatest(String topic, Duration patience, Predicate<Received> condition) {
        await(topic).atMost(patience).until(() -> latest.get(topic) != null && condition.test(latest.get(topic)));
        return latest.get(topic);
    }

    /**
     * The topics of what the broker delivered on subscribing (its retained messages), once all of it
     * has arrived: a marker published on {@code marker} (a topic one of the filters matches) comes
     * after them on this connection, so waiting for it is waiting for them.
     */
    public List<String> retainedTopics(String marker) throws MqttException {
        publish(marker, "marker", false);
        awaitLatest(marker, m -> true);
        return messages.stream()
                .map(Received::topic)
                .filter(topic -> !topic.equals(marker))
                .toList();
    }

    /** The latest text on {@code topic}, or null. */
    public String text(String topic) {
        Received received = latest.get(topic);
        return received == null ? null : received.text();
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
