package org.camalarm.mqtt;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jdt.annotation.Nullable;

/**
 * What the broker should hold, and what is still to be sent. Retained topics are kept with their
 * latest payload (a newer value for a topic replaces the older one: the latest wins), so after any
 * outage everything can be sent again; a topic to be cleared is kept as an empty payload until the
 * broker has it. Events are not retained: a bounded queue, oldest dropped first, stale ones
 * dropped unsent. Used by the bridge thread only: not thread-safe.
 */
final class Outbox {

    /** The order of publication after a connect: discovery first, so entities exist before their states. */
    enum Kind {
        CONFIG,
        STATUS,
        STATE,
        IMAGE
    }

    /** One publication: {@code version} tells an acknowledgement of an older payload from the current one. */
    record Message(String topic, byte[] payload, boolean retained, Kind kind, long version) {}

    private record Entry(byte[] payload, Kind kind, boolean clearing, long version) {}

    private record Event(String topic, byte[] payload, Instant at) {}

    private static final byte[] EMPTY = new byte[0];

    private final Map<String, Entry> retained = new HashMap<>();
    /** The topics due, one set per kind (by ordinal), each in the order they became due. */
    private final List<LinkedHashSet<String>> dirty = new ArrayList<>();

    private final ArrayDeque<Event> events = new ArrayDeque<>();
    private final int maxEvents;
    private final Duration maxEventAge;
    private long versions;
    private long droppedEvents;

    Outbox(int maxEvents, Duration maxEventAge) {
        this.maxEvents = maxEvents;
        this.maxEventAge = maxEventAge;
        for (int i = 0; i < Kind.values().length; i++) {
            dirty.add(new LinkedHashSet<>());
        }
    }

    /** The broker should hold {@code payload} on {@code topic}; nothing to send when it already does. */
    void put(String topic, byte[] payload, Kind kind) {
        Entry current = retained.get(topic);
        if (current != null
                && !current.clearing()
                && (current.payload() == payload || Arrays.equals(current.payload(), payload))) {
            return;
        }
        retained.put(topic, new Entry(payload, kind, false, ++versions));
        dirty(kind).add(topic);
    }

    /** The broker should hold nothing on {@code topic}: sends an empty retained payload, then forgets the topic. */
    void clear(String topic, Kind kind) {
        Entry current = retained.get(topic);
        if (current != null && current.clearing()) {
            return;
        }
        Kind as = current == null ? kind : current.kind();
        retained.put(topic, new Entry(EMPTY, as, true, ++versions));
        dirty(as).add(topic);
    }

    /** Whether the outbox holds a payload (not a clearing) for the topic. */
    boolean holds(String topic) {
        Entry current = retained.get(topic);
        return current != null && !current.clearing();
    }

    /** The topics whose clearing the broker has not confirmed yet. */
    Set<String> clearing() {
        Set<String> topics = new TreeSet<>();
        retained.forEach((topic, entry) -> {
            if (entry.clearing()) {
                topics.add(topic);
            }
        });
        return topics;
    }

    /** A non-retained message, sent once if it is still fresh; the oldest is dropped when the queue is full. */
    void event(String topic, byte[] payload, Instant at) {
        if (events.size() >= maxEvents) {
            events.removeFirst();
            droppedEvents++;
        }
        events.addLast(new Event(topic, payload, at));
    }

    /** The next message to send: retained topics by kind, then events; {@code null} when nothing is due. */
    @Nullable
    Message next(Instant now) {
        for (Kind kind : Kind.values()) {
            Iterator<String> topics = dirty(kind).iterator();
            if (topics.hasNext()) {
                String topic = topics.next();
                topics.remove();
                Entry entry = retained.get(topic);
                if (entry != null) {
                    return new Message(topic, entry.payload(), true, entry.kind(), entry.version());
                }
            }
        }
        while (!events.isEmpty()) {
            Event event = events.removeFirst();
            if (Duration.between(event.at(), now).compareTo(maxEventAge) <= 0) {
                return new Message(event.topic(), event.payload(), false, Kind.STATE, 0);
            }
            droppedEvents++;
        }
        return null;
    }

    /** The broker has the message: a clearing is done and its topic forgotten. */
    void delivered(Message message) {
        Entry entry = retained.get(message.topic());
        if (message.retained() && entry != null && entry.version() == message.version() && entry.clearing()) {
            retained.remove(message.topic());
        }
    }

    /** The message did not reach the broker: a retained topic is sent again unless a newer payload is due anyway. */
    void failed(Message message) {
        Entry entry = retained.get(message.topic());
        if (message.retained() && entry != null && entry.version() == message.version()) {
            dirty(entry.kind()).add(message.topic());
        } else if (!message.retained()) {
            droppedEvents++;
        }
    }

    /** Everything retained is to be sent again (a new connection: the broker may have lost it all). */
    void resendAll() {
        retained.forEach((topic, entry) -> dirty(entry.kind()).add(topic));
    }

    /** Retained topics of some kinds are to be sent again (Home Assistant restarted). */
    void resend(Set<Kind> kinds) {
        retained.forEach((topic, entry) -> {
            if (kinds.contains(entry.kind())) {
                dirty(entry.kind()).add(topic);
            }
        });
    }

    /** Messages waiting to be sent. */
    int pending() {
        int count = events.size();
        for (Set<String> topics : dirty) {
            count += topics.size();
        }
        return count;
    }

    long droppedEvents() {
        return droppedEvents;
    }

    private LinkedHashSet<String> dirty(Kind kind) {
        return dirty.get(kind.ordinal());
    }
}
