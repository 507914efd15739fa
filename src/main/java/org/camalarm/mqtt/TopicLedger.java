package org.camalarm.mqtt;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camalarm.thing.ThingRegistry;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which retained topics the bridge leaves on its broker, kept across runs ({@link RetainedTopics}),
 * and the sweep that clears what a former run left and nothing publishes any more. Used by the
 * bridge thread only.
 */
final class TopicLedger {

    private static final Logger LOGGER = LoggerFactory.getLogger(TopicLedger.class);
    private static final RetainedTopics NONE = new RetainedTopics("", Map.of());

    private final MqttSettings settings;
    private final @Nullable Path file;
    private final ThingRegistry registry;
    private final Outbox outbox;
    private final ThingPublisher publisher;
    /** What a former run left on this broker, until it is swept. */
    private RetainedTopics former = NONE;

    TopicLedger(
            MqttSettings settings,
            @Nullable Path file,
            ThingRegistry registry,
            Outbox outbox,
            ThingPublisher publisher) {
        this.settings = settings;
        this.file = file;
        this.registry = registry;
        this.outbox = outbox;
        this.publisher = publisher;
    }

    /** Reads what a former run left on this broker; returns whether there is anything to sweep later. */
    boolean load() {
        Path kept = file;
        if (kept == null) {
            return false;
        }
        try {
            RetainedTopics loaded = RetainedTopics.load(kept);
            former = loaded.sameBroker(settings) ? loaded : NONE;
        } catch (IOException e) {
            LOGGER.debug("MQTT bridge cannot read {}: {}", kept, e.toString());
        }
        return !former.topics().isEmpty();
    }

    /**
     * Clears what a former run published and nobody publishes now: the topics of things that are
     * gone, and every unclaimed topic when the layout changed (base topic, prefix, entity choices).
     * A thing that is still there keeps its topics even if they were not published again (yet): a
     * detection channel reappears only when the camera reports it again, and its entity must keep
     * what users set on it.
     */
    void sweep() {
        boolean layoutChanged = !former.layout().equals(RetainedTopics.layout(settings));
        int cleared = 0;
        for (Map.Entry<String, String> entry : former.topics().entrySet()) {
            String topic = entry.getKey();
            if (!outbox.holds(topic)
                    && (layoutChanged || registry.byId(entry.getValue()).isEmpty())) {
                boolean config = topic.startsWith(settings.discoveryPrefix() + "/");
                outbox.clear(topic, config ? Outbox.Kind.CONFIG : Outbox.Kind.STATE);
                cleared++;
            }
        }
        if (cleared > 0) {
            LOGGER.info("MQTT bridge clears {} retained topics a former run left and nothing publishes now", cleared);
        }
        former = NONE;
    }

    /** Keeps the topics published now, those being cleared, and those of a former run not swept yet. */
    void save() {
        Path kept = file;
        if (kept == null) {
            return;
        }
        Map<String, String> topics = new LinkedHashMap<>(former.topics());
        topics.putAll(publisher.topics());
        outbox.clearing().forEach(topic -> topics.putIfAbsent(topic, ""));
        try {
            new RetainedTopics(RetainedTopics.layout(settings), topics).save(kept);
        } catch (IOException e) {
            LOGGER.debug("MQTT bridge cannot write {}: {}", kept, e.toString());
        }
    }

    boolean keeps() {
        return file != null;
    }
}
