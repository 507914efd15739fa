package org.camalarm.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camalarm.mqtt.ThingChangeQueue.Change;
import org.camalarm.mqtt.ThingChangeQueue.Detection;
import org.camalarm.mqtt.ThingChangeQueue.Scope;
import org.camalarm.thing.Thing;
import org.camalarm.thing.ThingHandler;
import org.camalarm.thing.ThingRegistry;

/**
 * Turns noted thing changes into what the broker should hold ({@link Outbox}): a thing as a whole
 * (its discovery entries, availability and every state) when it appears, changes shape or learns
 * its MAC and model; one state topic when a channel changes; empty retained payloads for every
 * topic of a thing that is gone. Reads current values from the registry: what is published is
 * always the latest. Used by the bridge thread only.
 */
final class ThingPublisher {

    /** What was published for a thing: to update single states, and to clear what is no longer wanted. */
    private record Published(Discovery.Plan plan, String uid, String identity, Set<String> topics) {}

    private final ThingRegistry registry;
    private final MqttSettings settings;
    private final Discovery discovery;
    private final Topics topics;
    private final Map<String, Published> published = new HashMap<>();
    private boolean topicsChanged;

    ThingPublisher(ThingRegistry registry, MqttSettings settings) {
        this.registry = registry;
        this.settings = settings;
        this.discovery = new Discovery(settings);
        this.topics = discovery.topics();
    }

    /** The hub's own discovery entry; things are announced as {@link ThingChangeQueue#touch} notes them. */
    void start(Outbox outbox) {
        if (settings.discovery()) {
            Discovery.Entity hub = discovery.hub();
            outbox.put(hub.topic(), json(hub), Outbox.Kind.CONFIG);
        }
        topicsChanged = true;
    }

    void apply(ThingChangeQueue.Taken taken, Outbox outbox) {
        Set<String> rebuilt = new HashSet<>();
        for (Change change : taken.changes()) {
            if (change.scope() == Scope.THING && rebuilt.add(change.thingId())) {
                rebuild(change.thingId(), outbox);
            }
        }
        for (Change change : taken.changes()) {
            if (change.scope() == Scope.THING || rebuilt.contains(change.thingId())) {
                continue;
            }
            if (needsRebuild(change)) {
                rebuilt.add(change.thingId());
                rebuild(change.thingId(), outbox);
            } else if (change.scope() == Scope.STATUS) {
                status(change.thingId(), outbox);
            } else {
                state(change.thingId(), change.channelId(), outbox);
            }
        }
        for (Detection detection : taken.detections()) {
            Published thing = published.get(detection.thingId());
            if (thing != null && thing.plan().detections().contains(detection.channelId())) {
                outbox.event(
                        topics.event(detection.thingId(), detection.channelId()),
                        Payloads.detection(thing.uid(), detection.channelId(), detection.at()),
                        detection.at());
            }
        }
    }

    /** Whether the thing must be published as a whole: unknown so far, a new channel, a new MAC or model. */
    private boolean needsRebuild(Change change) {
        Published known = published.get(change.thingId());
        Optional<ThingHandler> handler = registry.byId(change.thingId());
        if (known == null || handler.isEmpty()) {
            return known != null || handler.isPresent(); // gone, or not published yet
        }
        Thing thing = handler.get().thing();
        if (!known.identity().equals(identity(thing))) {
            return true;
        }
        return change.scope() == Scope.CHANNEL
                && !known.plan().bindings().containsKey(change.channelId())
                && isPublishable(thing, change.channelId());
    }

    private boolean isPublishable(Thing thing, String channelId) {
        var channel = thing.channel(channelId);
        return channel != null
                && channel.itemType() != null
                && !("Image".equals(channel.itemType()) && !settings.publishImages());
    }

    private void rebuild(String thingId, Outbox outbox) {
        Published old = published.remove(thingId);
        Set<String> wanted = new LinkedHashSet<>();
        Optional<ThingHandler> handler = registry.byId(thingId);
        ThingView view = handler.map(h -> ThingViews.of(h, settings.hubUrl())).orElse(null);
        if (handler.isPresent() && view != null) {
            Thing thing = handler.get().thing();
            Discovery.Plan plan = discovery.plan(view);
            if (settings.discovery()) {
                for (Discovery.Entity entity : plan.entities()) {
                    outbox.put(entity.topic(), json(entity), Outbox.Kind.CONFIG);
                    wanted.add(entity.topic());
                }
            }
            String status = topics.thingStatus(thingId);
            outbox.put(status, Payloads.availability(thing.status()), Outbox.Kind.STATUS);
            wanted.add(status);
            for (Discovery.Binding binding : plan.bindings().values()) {
                publishState(thing, binding, outbox);
                wanted.add(binding.topic());
            }
            published.put(thingId, new Published(plan, view.uid(), identity(thing), wanted));
        }
        topicsChanged |= old == null ? !wanted.isEmpty() : !old.topics().equals(wanted);
        if (old != null) {
            for (String topic : old.topics()) {
                if (!wanted.contains(topic)) {
                    outbox.clear(topic, Outbox.Kind.STATE);
                }
            }
        }
    }

    private void status(String thingId, Outbox outbox) {
        Optional<ThingHandler> handler = registry.byId(thingId);
        if (handler.isPresent() && published.containsKey(thingId)) {
            outbox.put(
                    topics.thingStatus(thingId),
                    Payloads.availability(handler.get().thing().status()),
                    Outbox.Kind.STATUS);
        }
    }

    private void state(String thingId, String channelId, Outbox outbox) {
        Published known = published.get(thingId);
        Optional<ThingHandler> handler = registry.byId(thingId);
        Discovery.Binding binding =
                known == null ? null : known.plan().bindings().get(channelId);
        if (binding != null && handler.isPresent()) {
            publishState(handler.get().thing(), binding, outbox);
        }
    }

    private void publishState(Thing thing, Discovery.Binding binding, Outbox outbox) {
        byte[] payload = Payloads.of(thing.state(binding.channelId()), binding.format(), settings.hubUrl());
        if (payload != null) {
            Outbox.Kind kind = binding.format() == Discovery.Format.IMAGE ? Outbox.Kind.IMAGE : Outbox.Kind.STATE;
            outbox.put(binding.topic(), payload, kind);
        }
    }

    /** What the device block is made of besides the channels: a change means new discovery payloads. */
    private static String identity(Thing thing) {
        return thing.label() + "|" + Objects.toString(thing.property("macAddress")) + "|"
                + Objects.toString(thing.property("deviceName"));
    }

    private static byte[] json(Discovery.Entity entity) {
        return entity.config().toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Every retained topic published now, with its thing's id ({@code ""}: the hub's own). */
    Map<String, String> topics() {
        Map<String, String> owned = new LinkedHashMap<>();
        owned.put(topics.hubStatus(), "");
        if (settings.discovery()) {
            owned.put(discovery.hub().topic(), "");
        }
        published.forEach((thingId, thing) -> thing.topics().forEach(topic -> owned.put(topic, thingId)));
        return owned;
    }

    /** Whether the set of retained topics changed since the last call. */
    boolean takeTopicsChanged() {
        boolean changed = topicsChanged;
        topicsChanged = false;
        return changed;
    }

    /** The things published now, for the status. */
    int count() {
        return published.size();
    }
}
