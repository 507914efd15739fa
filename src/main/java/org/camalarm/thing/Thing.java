package org.camalarm.thing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A live thing: its channels, their states, its properties and status. Thread-safe: alarms update
 * it from servlet threads while REST reads it. Every change of a state or status, and every
 * trigger, is reported to {@link ThingEvents}; a state update that changes nothing reports nothing.
 */
public final class Thing {

    private final ThingUID uid;
    private final String label;
    private final boolean editable;
    private final Map<String, Object> configuration;
    private final ThingEvents events;
    private final Map<String, ChannelDefinition> channels = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final Map<String, String> properties = new ConcurrentHashMap<>();
    private volatile ThingStatusInfo status = ThingStatusInfo.UNKNOWN;
    /** Whether changes are reported; see {@link #untilRegistered()}. */
    private volatile boolean announced = true;

    /**
     * @param configuration the thing's configuration as shown to users; secrets must already be masked
     * @param editable      false for things defined in text files (read-only in the UI)
     */
    public Thing(
            ThingUID uid,
            String label,
            Map<String, Object> configuration,
            boolean editable,
            List<ChannelDefinition> channels,
            ThingEvents events) {
        this.uid = uid;
        this.label = label;
        this.configuration = Collections.unmodifiableMap(new LinkedHashMap<>(configuration));
        this.editable = editable;
        this.events = events;
        channels.forEach(this::addChannel);
    }

    /**
     * Keeps this thing's changes to itself until {@link ThingRegistry} adds it: until then they are
     * its initial values, which listeners read when told it was added. A thing refused because its
     * id is taken never reports any: under the same UID, they would speak for the thing that holds it.
     */
    public Thing untilRegistered() {
        announced = false;
        return this;
    }

    /** The registry added it: its changes are news from now on. */
    void announce() {
        announced = true;
    }

    public ThingUID uid() {
        return uid;
    }

    public String label() {
        return label;
    }

    public boolean editable() {
        return editable;
    }

    public Map<String, Object> configuration() {
        return configuration;
    }

    /** Adds a channel unless one with that id exists; returns whether it was added. */
    public boolean addChannel(ChannelDefinition channel) {
        boolean added = channels.putIfAbsent(channel.id(), channel) == null;
        if (added && channel.kind() == ChannelDefinition.Kind.STATE) {
            states.putIfAbsent(channel.id(), State.NULL);
        }
        return added;
    }

    public boolean hasChannel(String channelId) {
        return channels.containsKey(channelId);
    }

    public @Nullable ChannelDefinition channel(String channelId) {
        return channels.get(channelId);
    }

    public List<ChannelDefinition> channels() {
        synchronized (channels) {
            return new ArrayList<>(channels.values());
        }
    }

    public State state(String channelId) {
        return states.getOrDefault(channelId, State.NULL);
    }

    /** Sets a state channel; reports the change if there is one. Unknown channels are an error. */
    public void updateState(String channelId, State state) {
        requireChannel(channelId);
        State old = states.put(channelId, state);
        if (announced && !state.equals(old)) {
            events.stateChanged(uid, channelId, state, old == null ? State.NULL : old);
        }
    }

    /** Fires a trigger channel with an event payload. */
    public void trigger(String channelId, String event) {
        requireChannel(channelId);
        if (announced) {
            events.triggered(uid, channelId, event);
        }
    }

    private void requireChannel(String channelId) {
        if (!channels.containsKey(channelId)) {
            throw new IllegalArgumentException(uid + " has no channel " + channelId);
        }
    }

    public Map<String, String> properties() {
        return Collections.unmodifiableMap(new TreeMap<>(properties));
    }

    /** One property, or {@code null}. */
    public @Nullable String property(String name) {
        return properties.get(name);
    }

    public void setProperty(String name, @Nullable String value) {
        if (value != null && !value.isBlank() && !value.equals(properties.get(name))) {
            properties.put(name, value);
        }
    }

    public void removeProperty(String name) {
        properties.remove(name);
    }

    public ThingStatusInfo status() {
        return status;
    }

    public void setStatus(ThingStatusInfo newStatus) {
        ThingStatusInfo old;
        synchronized (this) {
            old = status;
            status = newStatus;
        }
        if (announced && !newStatus.equals(old)) {
            events.statusChanged(uid, newStatus);
        }
    }
}
