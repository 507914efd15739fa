package org.camalarm.thing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All things of this hub, by thing id. Thing ids are unique across thing types, so alarm URLs
 * can name a thing by its id alone.
 */
@Component(service = ThingRegistry.class)
public class ThingRegistry {

    private static final Logger LOGGER = LoggerFactory.getLogger(ThingRegistry.class);

    private final ConcurrentMap<String, ThingHandler> handlers = new ConcurrentHashMap<>();
    private final ThingEvents events;

    @Activate
    public ThingRegistry(@Reference ThingEvents events) {
        this.events = events;
    }

    /** A registry nobody listens to (tests). */
    public ThingRegistry() {
        this(ThingEvents.NONE);
    }

    /**
     * Adds a handler. Returns the handler that already holds the id (and adds nothing), or empty
     * when it was added.
     */
    public Optional<ThingHandler> register(ThingHandler handler) {
        ThingHandler holder = handlers.computeIfAbsent(handler.thing().uid().thingId(), id -> handler);
        if (holder != handler) {
            return Optional.of(holder);
        }
        Thing thing = handler.thing();
        thing.announce();
        events.thingAdded(thing);
        if (!thing.status()
                .equals(ThingStatusInfo.UNKNOWN)) { // set before it was added: EventAdmin has no "added" topic
            events.statusChanged(thing.uid(), thing.status());
        }
        return Optional.empty();
    }

    /**
     * Adds a handler, or logs why it cannot be added (its id is taken: thing ids are unique
     * across types). Returns whether it was added.
     *
     * @param source where the thing's configuration came from, for the log line
     */
    public boolean add(ThingHandler handler, String source) {
        Optional<ThingHandler> taken = register(handler);
        taken.ifPresent(other -> LOGGER.warn(
                "{}: thing {} not created: its id is already used by {} (thing ids are unique across types)",
                source,
                handler.thing().uid(),
                other.thing().uid()));
        return taken.isEmpty();
    }

    /** Removes exactly this handler (not another that took the id since). */
    public void unregister(ThingHandler handler) {
        if (handlers.remove(handler.thing().uid().thingId(), handler)) {
            events.thingRemoved(handler.thing());
        }
    }

    public Optional<ThingHandler> byId(@Nullable String thingId) {
        return thingId == null ? Optional.empty() : Optional.ofNullable(handlers.get(thingId));
    }

    public Optional<ThingHandler> byUID(ThingUID uid) {
        return byId(uid.thingId()).filter(h -> h.thing().uid().equals(uid));
    }

    /** The first handler of a kind that matches, in no particular order. */
    public <T extends ThingHandler> Optional<T> find(Class<T> type, Predicate<T> filter) {
        for (ThingHandler h : handlers.values()) {
            if (type.isInstance(h) && filter.test(type.cast(h))) {
                return Optional.of(type.cast(h));
            }
        }
        return Optional.empty();
    }

    /** The handlers of a given kind, in UID order. */
    public <T extends ThingHandler> List<T> all(Class<T> type) {
        List<T> result = new ArrayList<>();
        for (ThingHandler h : handlers.values()) {
            if (type.isInstance(h)) {
                result.add(type.cast(h));
            }
        }
        result.sort(Comparator.comparing(h -> h.thing().uid().toString()));
        return result;
    }
}
