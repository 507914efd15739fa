package org.camalarm.live;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.camalarm.thing.State;
import org.camalarm.thing.Thing;
import org.camalarm.thing.ThingListener;
import org.camalarm.thing.ThingStatusInfo;
import org.camalarm.thing.ThingUID;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The changes the live stream carries, and the clients it carries them to.
 *
 * <p>Every change gets the next sequence number. The latest state of each channel, the latest
 * trigger of each trigger channel and the latest status of each thing are kept by key (a newer one
 * replaces the older: a client that falls behind gets only what is current); things added or
 * removed and history events are kept in a ring of the last {@value #RING} (a client that missed
 * one that left the ring is told to {@code reset}, i.e. reload). A client resuming with
 * {@code Last-Event-ID} gets everything newer than that id. Thread-safe; the alarm path's cost is one
 * short lock per change.
 */
@Component(service = {ThingListener.class, LiveEvents.class})
public class LiveEvents implements ThingListener {

    static final int BATCH_MILLIS = 50;
    static final int KEEP_ALIVE_MILLIS = 20_000;
    static final int RING = 1024;
    static final int MAX_CLIENTS = 64;
    /** How long after the last client left history events are still kept for it to resume. */
    static final long RESUME_GRACE_MS = 60_000;

    private static final Logger LOGGER = LoggerFactory.getLogger(LiveEvents.class);

    private record ChannelKey(ThingUID thing, String channel, boolean trigger) {}

    /** Distinguishes this run's sequence numbers from an earlier run's in {@code Last-Event-ID}. */
    private final String boot = Long.toString(System.currentTimeMillis(), 36);

    /** Guards {@link #sequence}, the maps and the ring, so a number is never visible before its event. */
    private final Object lock = new Object();

    private long sequence;
    private final Map<ChannelKey, LiveEvent> channels = new HashMap<>();
    /** The things there are, to read a channel's state when it is sent. */
    private final Map<ThingUID, Thing> things = new ConcurrentHashMap<>();

    private final Map<ThingUID, LiveEvent> statuses = new HashMap<>();
    private final LiveEvent[] ring = new LiveEvent[RING];
    /** The highest sequence number that left the ring; 0 when none did. */
    private long evicted;
    /**
     * The last history gap: history events were left out just before this id. A client whose cursor
     * is before it (resuming, or admitted while it was made) is told to reset and reloads.
     */
    private long resumableFrom;

    private final List<StreamClient> clients = new CopyOnWriteArrayList<>();
    private final AtomicInteger clientCount = new AtomicInteger();
    /** When the last client went ({@link #monotonicMillis}): one reconnecting within {@link #RESUME_GRACE_MS} may resume. */
    private volatile long lastClientLeft = Long.MIN_VALUE / 2;

    private final AtomicBoolean signalled = new AtomicBoolean();
    private final ExecutorService writers;
    private final Thread dispatcher;
    private volatile boolean running = true;

    /**
     * Whether the framework or this bundle is stopping: its things then go one by one, and telling
     * the browsers so would empty their pages (Devices: "No device yet") for the seconds until the
     * hub is back; they reload everything when their stream reconnects instead.
     */
    private final BooleanSupplier stopping;

    @Activate
    public LiveEvents(BundleContext context) {
        this(() -> context.getBundle(0).getState() == Bundle.STOPPING
                || context.getBundle().getState() == Bundle.STOPPING);
    }

    LiveEvents(BooleanSupplier stopping) {
        this.stopping = stopping;
        AtomicInteger threads = new AtomicInteger();
        writers = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "camalarm-live-writer-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ((ThreadPoolExecutor) writers).allowCoreThreadTimeOut(true);
        dispatcher = new Thread(this::dispatch, "camalarm-live");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    @Deactivate
    void deactivate() {
        running = false;
        LockSupport.unpark(dispatcher);
        clients.forEach(StreamClient::close);
        clients.clear();
        writers.shutdownNow();
    }

    // ---- what happens: called on the thread that made the change, must not block ----

    @Override
    public void stateChanged(ThingUID thing, String channelId, State newState, State oldState) {
        long time = System.currentTimeMillis();
        String state = newState.text();
        String old = oldState.text();
        synchronized (lock) {
            long id = ++sequence;
            channels.put(new ChannelKey(thing, channelId, false), new LiveEvent(id, LiveEvent.STATE, () -> {
                JsonObject json = channelJson(thing, channelId, time);
                // the state as it is when sent: two alarms of one camera at once may report their
                // changes in the other order than they made them, and the last reported would stay
                Thing now = things.get(thing);
                json.addProperty(
                        "state",
                        now != null && now.hasChannel(channelId)
                                ? now.state(channelId).text()
                                : state);
                json.addProperty("oldState", old);
                return json;
            }));
        }
        signal();
    }

    @Override
    public void triggered(ThingUID thing, String channelId, String event) {
        long time = System.currentTimeMillis();
        synchronized (lock) {
            long id = ++sequence;
            channels.put(new ChannelKey(thing, channelId, true), new LiveEvent(id, LiveEvent.TRIGGER, () -> {
                JsonObject json = channelJson(thing, channelId, time);
                json.addProperty("event", event);
                return json;
            }));
        }
        signal();
    }

    @Override
    public void statusChanged(ThingUID thing, ThingStatusInfo status) {
        long time = System.currentTimeMillis();
        synchronized (lock) {
            long id = ++sequence;
            statuses.put(thing, new LiveEvent(id, LiveEvent.STATUS, () -> {
                JsonObject json = new JsonObject();
                json.addProperty("thingUID", thing.toString());
                json.addProperty("status", status.status().name());
                json.addProperty("statusDetail", status.detail().name());
                json.addProperty("description", status.description());
                json.addProperty("time", LiveEvent.time(time));
                return json;
            }));
        }
        signal();
    }

    @Override
    public void thingAdded(Thing thing) {
        things.put(thing.uid(), thing);
        thingChanged(thing, "added");
    }

    @Override
    public void thingRemoved(Thing thing) {
        things.remove(thing.uid(), thing);
        if (!stopping.getAsBoolean()) {
            thingChanged(thing, "removed");
        }
        synchronized (lock) {
            channels.keySet().removeIf(key -> key.thing().equals(thing.uid()));
            statuses.remove(thing.uid()); // a thing made again and again must not grow it
        }
    }

    private void thingChanged(Thing thing, String change) {
        ThingUID uid = thing.uid();
        String label = thing.label();
        long time = System.currentTimeMillis();
        append(LiveEvent.THING, () -> {
            JsonObject json = new JsonObject();
            json.addProperty("thingUID", uid.toString());
            json.addProperty("change", change);
            json.addProperty("label", label);
            json.addProperty("time", LiveEvent.time(time));
            return json;
        });
    }

    /**
     * Whether {@link #historyEvent} is worth calling: a client is connected, or one left less than
     * {@link #RESUME_GRACE_MS} ago and may come back for what it missed. With nobody watching, the
     * history need not read its events back for this stream (most of the time: no browser is open).
     * When this says no, the gap gets an id: clients resuming from before it are refused, and one
     * admitted with an older cursor is told to reset (they reload), so none misses an event unnoticed.
     */
    public boolean wantsHistory() {
        if (clientCount.get() > 0 || monotonicMillis() - lastClientLeft < RESUME_GRACE_MS) {
            return true;
        }
        synchronized (lock) {
            resumableFrom = ++sequence; // a gap with an id: a client whose cursor is before it resets
        }
        return false;
    }

    /**
     * A new or extended event of the history: an alarm, a push result, a rule firing (from {@code rest.HistoryLiveFeed}, in the shape of
     * {@code GET /camalarm/api/events}); sent to clients as SSE event {@code history}.
     */
    public void historyEvent(JsonObject event) {
        JsonObject copy = event.deepCopy();
        append(LiveEvent.HISTORY, () -> copy);
    }

    private void append(String name, LiveEvent.JsonSource source) {
        synchronized (lock) {
            long id = ++sequence;
            int slot = (int) (id % RING);
            LiveEvent old = ring[slot];
            if (old != null) {
                evicted = Math.max(evicted, old.id);
            }
            ring[slot] = new LiveEvent(id, name, source);
        }
        signal();
    }

    private static JsonObject channelJson(ThingUID thing, String channelId, long time) {
        JsonObject json = new JsonObject();
        json.addProperty("thingUID", thing.toString());
        json.addProperty("channel", channelId);
        json.addProperty("time", LiveEvent.time(time));
        return json;
    }

    private void signal() {
        if (clientCount.get() > 0 && !signalled.getAndSet(true)) {
            LockSupport.unpark(dispatcher);
        }
    }

    // ---- clients ----

    /**
     * The id of the latest change, {@code <boot>.<sequence>}: what a new client is sent first, and
     * what a snapshot of the things (REST) is as new as.
     */
    public String head() {
        synchronized (lock) {
            return boot + "." + sequence;
        }
    }

    /**
     * Where a client resuming after {@code lastEventId} can start: that sequence number, or
     * {@code -1} when it cannot resume (another run's id, or what it missed is gone) and must reload.
     */
    long resumeFrom(@Nullable String lastEventId) {
        if (lastEventId == null || !lastEventId.startsWith(boot + ".")) {
            return -1;
        }
        try {
            long last = Long.parseLong(lastEventId.substring(boot.length() + 1));
            synchronized (lock) {
                return last >= resumableFrom && last <= sequence && evicted <= last ? last : -1;
            }
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    long sequence() {
        synchronized (lock) {
            return sequence;
        }
    }

    /** Adds a client that has been sent everything up to {@code cursor}; false when there are too many. */
    boolean add(StreamClient client) {
        if (clientCount.incrementAndGet() > MAX_CLIENTS) {
            clientCount.decrementAndGet();
            return false;
        }
        clients.add(client);
        signalled.set(true);
        LockSupport.unpark(dispatcher);
        return true;
    }

    void remove(StreamClient client) {
        if (clients.remove(client) && clientCount.decrementAndGet() == 0) {
            lastClientLeft = monotonicMillis();
        }
        client.close();
    }

    // ---- the dispatcher thread ----

    private void dispatch() {
        long lastBatch = monotonicMillis() - BATCH_MILLIS; // not 0: nanoTime has an arbitrary origin, maybe negative
        while (running) {
            try {
                if (!signalled.getAndSet(false)) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(KEEP_ALIVE_MILLIS / 2));
                    signalled.set(false);
                }
                // at most one batch per BATCH_MILLIS: a flood of alarms becomes a few coalesced writes
                // (parkNanos returns early on every signal, so wait out the rest in a loop)
                for (long wait = lastBatch + BATCH_MILLIS - monotonicMillis();
                        wait > 0 && running;
                        wait = lastBatch + BATCH_MILLIS - monotonicMillis()) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(wait));
                }
                lastBatch = monotonicMillis();
                sendBatches(lastBatch);
            } catch (RuntimeException e) {
                LOGGER.warn("The live event stream hit a defect; it goes on", e);
            }
        }
    }

    /**
     * Milliseconds for the batches, keep-alives and the resume grace: monotonic, so a clock set back
     * an hour does not stop the stream for an hour (events keep their wall-clock times).
     */
    static long monotonicMillis() {
        return System.nanoTime() / 1_000_000;
    }

    private void sendBatches(long now) {
        Map<Long, byte[]> batches = new HashMap<>();
        long head;
        List<LiveEvent> pending;
        long lost;
        long oldestCursor = Long.MAX_VALUE;
        for (StreamClient client : clients) {
            if (!client.writing) {
                oldestCursor = Math.min(oldestCursor, client.cursor);
            }
        }
        if (oldestCursor == Long.MAX_VALUE) {
            return;
        }
        synchronized (lock) {
            head = sequence;
            lost = Math.max(evicted, resumableFrom);
            pending = newerThan(oldestCursor);
        }
        for (StreamClient client : clients) {
            if (client.closed) {
                remove(client);
                continue;
            }
            if (client.writing) {
                continue;
            }
            byte @Nullable [] found;
            long cursor = client.cursor;
            if (cursor < head) {
                found = batches.get(cursor);
                if (found == null) {
                    found = frames(cursor, head, lost, pending);
                    batches.put(cursor, found);
                }
            } else if (now - client.lastWriteMillis >= KEEP_ALIVE_MILLIS) {
                found = StreamClient.KEEP_ALIVE; // under Felix's 60 s idle timeout
            } else {
                continue;
            }
            byte[] bytes = found;
            client.cursor = head;
            if (bytes.length == 0) {
                continue; // what it had not seen was superseded, e.g. by a thing's removal
            }
            client.lastWriteMillis = now;
            client.writing = true;
            writers.execute(() -> {
                try {
                    if (!client.write(bytes)) {
                        remove(client);
                    }
                } finally {
                    client.writing = false;
                    signalled.set(true);
                    LockSupport.unpark(dispatcher);
                }
            });
        }
    }

    /** The kept events newer than {@code cursor}, by sequence number; called under {@link #lock}. */
    private List<LiveEvent> newerThan(long cursor) {
        List<LiveEvent> events = new ArrayList<>();
        for (LiveEvent e : channels.values()) {
            if (e.id > cursor) {
                events.add(e);
            }
        }
        for (LiveEvent e : statuses.values()) {
            if (e.id > cursor) {
                events.add(e);
            }
        }
        for (LiveEvent e : ring) {
            if (e != null && e.id > cursor) {
                events.add(e);
            }
        }
        events.sort(Comparator.comparingLong(e -> e.id));
        return events;
    }

    /** The SSE frames taking a client from {@code cursor} to {@code head}. */
    private byte[] frames(long cursor, long head, long lost, List<LiveEvent> pending) {
        StringBuilder text = new StringBuilder();
        if (lost > cursor) {
            text.append(frame(head, "reset", "{\"reason\":\"the client fell behind\"}"));
        } else {
            for (LiveEvent event : pending) {
                if (event.id > cursor && event.id <= head) {
                    text.append(frame(event.id, event.name, event.json()));
                }
            }
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    String frame(long id, String name, String json) {
        return "id: " + boot + "." + id + "\nevent: " + name + "\ndata: " + json + "\n\n";
    }
}
