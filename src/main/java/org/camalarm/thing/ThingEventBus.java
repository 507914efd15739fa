package org.camalarm.thing;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camalarm.time.RateLimit;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every thing change goes: posted on EventAdmin for other bundles and the rules
 * (asynchronously: the alarm path never waits for their handlers), and handed synchronously to
 * the in-process {@link ThingListener} services (the event history, the UI's live stream, the MQTT
 * bridge), which must not block. Run by DS it posts only the topics some EventHandler subscribes to
 * ({@link EventSubscriptions}); constructed by hand, everything. Thread-safe.
 */
@Component(service = ThingEvents.class)
public class ThingEventBus implements ThingEvents {

    private static final Logger LOGGER = LoggerFactory.getLogger(ThingEventBus.class);
    private final EventAdmin eventAdmin;
    private final @Nullable BundleContext context;
    /** The listeners in use; a listener service joins at the first change after it appeared. */
    private final List<ThingListener> listeners = new CopyOnWriteArrayList<>();
    /** The things registered now, told to each listener as it joins; guarded by itself. */
    private final Map<ThingUID, Thing> things = new LinkedHashMap<>();

    private final Map<ServiceReference<ThingListener>, ThingListener> resolved = new ConcurrentHashMap<>();
    private final Set<ServiceReference<ThingListener>> unresolved = ConcurrentHashMap.newKeySet();
    /**
     * Held while a listener joins or leaves, so one that leaves while it is joining does not stay
     * for good; taken before {@link #things}, never inside it.
     */
    private final Object membership = new Object();
    /** A flapping device says so a few times a minute, not a thousand. */
    private final RateLimit statusLines = new RateLimit(6, Duration.ofMinutes(1), Clock.systemUTC());

    /** {@code null}: every change is posted (no one tells this bus who subscribes). */
    private final @Nullable EventSubscriptions subscriptions;

    /** Run by DS, which reports every EventHandler's subscription: changes nobody wants are not posted. */
    @Activate
    public ThingEventBus(@Reference EventAdmin eventAdmin, BundleContext context) {
        this(eventAdmin, context, new EventSubscriptions());
    }

    ThingEventBus(EventAdmin eventAdmin, @Nullable BundleContext context, @Nullable EventSubscriptions subscriptions) {
        this.eventAdmin = eventAdmin;
        this.context = context;
        this.subscriptions = subscriptions;
    }

    /** A bus without listener services that posts every change (tests). */
    public ThingEventBus(EventAdmin eventAdmin) {
        this(eventAdmin, null, null);
    }

    @Reference(
            service = EventHandler.class,
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY,
            unbind = "removeEventHandler",
            updated = "updatedEventHandler")
    void addEventHandler(ServiceReference<EventHandler> handler) {
        updatedEventHandler(handler);
    }

    void updatedEventHandler(ServiceReference<EventHandler> handler) {
        EventSubscriptions current = subscriptions;
        if (current != null) {
            current.put(handler, handler.getProperty(EventSubscriptions.TOPICS));
        }
    }

    void removeEventHandler(ServiceReference<EventHandler> handler) {
        EventSubscriptions current = subscriptions;
        if (current != null) {
            current.remove(handler);
        }
    }

    /**
     * Listener services are bound by reference and fetched at the first change, not while this bus
     * is activated: a listener that needs the ThingRegistry would otherwise be
     * activated inside the registry's own activation (registry → bus → listener → registry), and SCR
     * breaks that cycle by leaving the listener unactivated for good, whichever component happened to
     * activate the registry first.
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(ServiceReference<ThingListener> reference) {
        unresolved.add(reference);
    }

    void removeListener(ServiceReference<ThingListener> reference) {
        ThingListener listener;
        synchronized (membership) {
            unresolved.remove(reference);
            listener = resolved.remove(reference);
            if (listener != null) {
                listeners.remove(listener);
            }
        }
        BundleContext bundle = context;
        if (listener != null && bundle != null) {
            bundle.ungetService(reference);
        }
    }

    /** The service, or null: while it is being activated, or when it is gone (the library's annotations say never). */
    private static @Nullable ThingListener service(BundleContext bundle, ServiceReference<ThingListener> reference) {
        return bundle.getService(reference);
    }

    /**
     * The listeners, with those that appeared since the last change joined. Never called under
     * {@link #things}: fetching a service may activate its component.
     */
    private List<ThingListener> listeners() {
        BundleContext bundle = context;
        if (!unresolved.isEmpty() && bundle != null) {
            for (ServiceReference<ThingListener> reference : unresolved) {
                ThingListener listener = service(bundle, reference);
                if (listener == null) {
                    continue;
                }
                boolean joined;
                synchronized (membership) {
                    joined = unresolved.remove(reference); // false: another thread got it first, or it left
                    if (joined) {
                        resolved.put(reference, listener);
                        join(listener);
                    }
                }
                if (!joined) {
                    bundle.ungetService(reference);
                }
            }
        }
        return listeners;
    }

    /**
     * A listener starts with every thing registered now, then hears each change: none is missed
     * however late it joined. No thing is added or removed between the catch-up and the first live call.
     */
    void join(ThingListener listener) {
        synchronized (things) {
            things.values().forEach(listener::thingAdded);
            listeners.add(listener);
        }
    }

    @Override
    public void stateChanged(ThingUID thing, String channelId, State newState, State oldState) {
        String topic = topicIfWanted(STATE_TOPIC, thing, channelId);
        if (topic != null) {
            Map<String, Object> props = channelProperties(thing, channelId);
            props.put(STATE, newState.text());
            props.put(OLD_STATE, oldState.text());
            post(topic, props);
        }
        for (ThingListener listener : listeners()) {
            listener.stateChanged(thing, channelId, newState, oldState);
        }
    }

    @Override
    public void triggered(ThingUID thing, String channelId, String event) {
        String topic = topicIfWanted(TRIGGER_TOPIC, thing, channelId);
        if (topic != null) {
            Map<String, Object> props = channelProperties(thing, channelId);
            props.put(EVENT, event);
            post(topic, props);
        }
        for (ThingListener listener : listeners()) {
            listener.triggered(thing, channelId, event);
        }
    }

    @Override
    public void statusChanged(ThingUID thing, ThingStatusInfo status) {
        int missed = statusLines.acquire(thing.toString());
        if (missed >= 0) {
            LOGGER.info(
                    "{} is {}{}{}",
                    thing,
                    status.status(),
                    status.description().isEmpty() ? "" : ": " + status.description(),
                    missed > 0 ? " (" + missed + " changes not logged before this one)" : "");
        }
        Map<String, Object> props = new HashMap<>();
        props.put(THING_UID, thing.toString());
        props.put(STATUS, status.status().name());
        props.put(STATUS_DETAIL, status.detail().name());
        props.put(DESCRIPTION, status.description());
        post(STATUS_TOPIC + "/" + thing.thingType() + "/" + thing.thingId(), props);
        for (ThingListener listener : listeners()) {
            listener.statusChanged(thing, status);
        }
    }

    @Override
    public void thingAdded(Thing thing) {
        listeners();
        synchronized (things) { // a listener joins before (and is told here) or after (caught up with it)
            things.put(thing.uid(), thing);
            for (ThingListener listener : listeners) {
                listener.thingAdded(thing);
            }
        }
    }

    @Override
    public void thingRemoved(Thing thing) {
        listeners();
        synchronized (things) {
            things.remove(thing.uid(), thing);
            for (ThingListener listener : listeners) {
                listener.thingRemoved(thing);
            }
        }
    }

    private static Map<String, Object> channelProperties(ThingUID thing, String channelId) {
        Map<String, Object> props = new HashMap<>();
        props.put(THING_UID, thing.toString());
        props.put(CHANNEL_UID, thing.channelUID(channelId));
        props.put(CHANNEL_ID, channelId);
        return props;
    }

    /** A change's topic, or {@code null} when no EventHandler subscribes to it (not even built when none subscribes at all). */
    private @Nullable String topicIfWanted(String root, ThingUID thing, String channelId) {
        EventSubscriptions current = subscriptions;
        if (current != null && current.isEmpty()) {
            return null;
        }
        String topic = root + "/" + thing.thingType() + "/" + thing.thingId() + "/" + channelId;
        return wanted(topic) ? topic : null;
    }

    @Override
    public boolean subscribed(String topic) {
        return wanted(topic);
    }

    /** Whether an EventHandler subscribes to the topic (always, when nobody tells this bus who does). */
    private boolean wanted(String topic) {
        EventSubscriptions current = subscriptions;
        return current == null || current.wanted(topic);
    }

    private void post(String topic, Map<String, Object> props) {
        if (!wanted(topic)) {
            return;
        }
        props.put(EventConstants.TIMESTAMP, System.currentTimeMillis());
        eventAdmin.postEvent(new Event(topic, props));
    }
}
