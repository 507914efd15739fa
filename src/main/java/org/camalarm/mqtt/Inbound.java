package org.camalarm.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages from the broker: commands for push targets, and Home Assistant's birth ({@code online}
 * on {@code <prefix>/status}), after which everything is announced again. Called on Paho's thread,
 * which must never wait: each message is handed to the bridge thread, at most
 * {@value #MAX_QUEUED} at a time (more are dropped), small ones only, retained ones never (a
 * command left on the broker long ago must not switch a relay when the bridge connects).
 */
final class Inbound {

    static final int MAX_QUEUED = 64;
    private static final int MAX_BYTES = 1024;
    private static final Logger LOGGER = LoggerFactory.getLogger(Inbound.class);

    private final Topics topics;
    private final CommandDispatcher commands;
    private final Executor bridge;
    private final Runnable homeAssistantStarted;
    private final AtomicInteger queued = new AtomicInteger();

    Inbound(Topics topics, CommandDispatcher commands, Executor bridge, Runnable homeAssistantStarted) {
        this.topics = topics;
        this.commands = commands;
        this.bridge = bridge;
        this.homeAssistantStarted = homeAssistantStarted;
    }

    void arrived(String topic, MqttMessage message) {
        if (message.isRetained() || message.getPayload().length > MAX_BYTES) {
            return;
        }
        if (queued.incrementAndGet() > MAX_QUEUED) {
            queued.decrementAndGet();
            LOGGER.debug("MQTT message on {} dropped: {} messages wait already", topic, MAX_QUEUED);
            return;
        }
        byte[] payload = message.getPayload();
        bridge.execute(() -> {
            queued.decrementAndGet();
            if (!topic.equals(topics.homeAssistantStatus())) {
                commands.dispatch(topic, payload);
            } else if ("online".equals(new String(payload, StandardCharsets.UTF_8).trim())) {
                homeAssistantStarted.run();
            }
        });
    }
}
