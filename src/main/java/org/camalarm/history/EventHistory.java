package org.camalarm.history;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.camalarm.alarm.Alarm;
import org.camalarm.camera.AlarmJournal;
import org.camalarm.camera.CameraHandler;
import org.camalarm.camera.CameraMemories;
import org.camalarm.camera.CameraMemory;
import org.camalarm.camera.Detection;
import org.camalarm.config.ConfigReader;
import org.camalarm.config.ConfigReading;
import org.camalarm.push.PushResult;
import org.camalarm.rule.RuleFiring;
import org.camalarm.rule.RuleListener;
import org.camalarm.target.PushListener;
import org.camalarm.thing.ThingUID;
import org.camalarm.time.OncePerMinute;
import org.camalarm.userdata.UserdataFiles;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.FieldOption;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event history as a service (PID {@code camalarm.history}): records every alarm before its
 * camera is answered ({@link AlarmJournal}), every push result ({@link PushListener}) and rule firing
 * ({@link RuleListener}); gives cameras their last event, snapshot and properties back when they start
 * ({@link CameraMemories}); serves the REST resource; tells {@link HistoryListener} services of every
 * alarm event written (the live stream's {@code history} events). Files in {@code userdata/camalarm/history/}.
 * When {@code enabled=false}, or when the files cannot be opened, alarms are answered unrecorded.
 */
@Component(
        service = {EventHistory.class, AlarmJournal.class, PushListener.class, RuleListener.class, CameraMemories.class
        },
        configurationPid = EventHistory.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = HistoryConfig.class)
public class EventHistory implements AlarmJournal, PushListener, RuleListener, CameraMemories {

    static final String PID = "camalarm.history";
    private static final Logger LOGGER = LoggerFactory.getLogger(EventHistory.class);

    private final Path dir;
    private final ConfigReader configs;
    private final Clock clock = Clock.systemDefaultZone();
    private final Thumbnailer thumbnailer = new Thumbnailer();
    private final ThreadPoolExecutor restorer = new ThreadPoolExecutor(
            1,
            1,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1024),
            r -> {
                Thread thread = new Thread(r, "camalarm-history-restore");
                thread.setDaemon(true);
                return thread;
            },
            new ThreadPoolExecutor.DiscardPolicy());
    /** Tells the {@link HistoryListener}s of written alarm events, off the writer's thread; drops when far behind. */
    private final ThreadPoolExecutor announcer = new ThreadPoolExecutor(
            1,
            1,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1024),
            r -> {
                Thread thread = new Thread(r, "camalarm-history-announce");
                thread.setDaemon(true);
                return thread;
            },
            new ThreadPoolExecutor.DiscardPolicy());

    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            fieldOption = FieldOption.UPDATE)
    private final List<HistoryListener> listeners = new CopyOnWriteArrayList<>();

    private final AtomicLong dropped = new AtomicLong();
    /** An unrecorded alarm is logged at WARN once a minute: a full disk must not flood the log. */
    private final OncePerMinute notRecordedLines = new OncePerMinute();

    private volatile HistorySettings settings;
    private volatile @Nullable HistoryStore store;

    @Activate
    public EventHistory(BundleContext context, @Reference ConfigReader configs, Map<String, Object> properties) {
        this(UserdataFiles.resolve(context, "history"), configs, properties);
    }

    EventHistory(Path dir, ConfigReader configs, Map<String, Object> properties) {
        this.dir = dir;
        this.configs = configs;
        this.settings = read(properties);
        restorer.allowCoreThreadTimeOut(true);
        announcer.allowCoreThreadTimeOut(true);
        apply();
    }

    @Modified
    void modified(Map<String, Object> properties) {
        settings = read(properties);
        apply();
    }

    private HistorySettings read(Map<String, Object> properties) {
        ConfigReading<HistoryConfig> reading = configs.read(HistoryConfig.class, PID, properties);
        reading.problems().forEach(problem -> LOGGER.warn("{}: {}", PID, reading.withValueInEffect(problem)));
        try {
            return HistorySettings.of(reading.values());
        } catch (IllegalArgumentException e) {
            LOGGER.warn("{}: {}; the defaults apply", PID, e.getMessage());
            return HistorySettings.of(
                    configs.read(HistoryConfig.class, PID, Map.of()).values());
        }
    }

    /** Opens or closes the store as {@code enabled} says; new limits apply at the next maintenance. */
    private synchronized void apply() {
        HistoryStore current = store;
        if (settings.enabled() && current == null) {
            try {
                HistoryStore opened = HistoryStore.open(dir, () -> settings, clock, thumbnailer::offer);
                thumbnailer.use(opened);
                opened.onWritten(ids -> announceLater(opened, ids));
                store = opened;
                LOGGER.info(
                        "Event history in {} (at most {} days, {} MB)",
                        dir,
                        settings.maxAge().toDays(),
                        settings.maxDiskBytes() >> 20);
            } catch (IOException | RuntimeException e) {
                LOGGER.error(
                        "Event history cannot be opened in {}: {}; alarms are answered without being recorded",
                        dir,
                        e.toString());
            }
        } else if (!settings.enabled() && current != null) {
            close();
            LOGGER.info("Event history off ({}.cfg: enabled=false); its files stay in {}", PID, dir);
        }
    }

    @Deactivate
    void deactivate() {
        close();
        thumbnailer.close();
        restorer.shutdownNow();
        announcer.shutdownNow();
    }

    private void announceLater(HistoryStore from, List<EventId> ids) {
        for (HistoryListener listener : listeners) {
            if (listener.listening()) {
                announcer.execute(() -> announce(from, ids));
                return;
            }
        }
    }

    /** Reads the written events back (as REST will serve them) and hands them to every listener. */
    private void announce(HistoryStore from, List<EventId> ids) {
        for (EventId id : ids) {
            try {
                StoredEvent event = from.get(id);
                if (event != null) {
                    listeners.forEach(listener -> listener.stored(event));
                }
            } catch (IOException | RuntimeException e) {
                LOGGER.debug("History: event {} not announced: {}", id.text(), e.toString());
            }
        }
    }

    private synchronized void close() {
        HistoryStore current = store;
        store = null;
        thumbnailer.use(null);
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                LOGGER.warn("Event history did not close cleanly: {}", e.toString());
            }
        }
    }

    /** The open store, or {@code null} when the history is off or could not be opened. */
    public @Nullable HistoryStore store() {
        return store;
    }

    /** The thumbnail of an event with an image: stored, or made now. */
    public byte @Nullable [] thumbnail(HistoryStore current, StoredEvent event) throws IOException {
        return thumbnailer.forRequest(current, event);
    }

    @Override
    public void record(ThingUID thing, Alarm alarm, List<Detection> detections, String remoteAddress) {
        HistoryStore current = store;
        if (current == null || detections.isEmpty()) {
            return;
        }
        long now = clock.millis();
        try {
            current.recordAlarm(HistoryEntries.alarm(thing, alarm, detections, remoteAddress, now), alarm.image());
        } catch (IOException e) {
            if (notRecordedLines.due()) {
                LOGGER.warn(
                        "Event history: alarms from {} and others are answered 503, not stored: {}",
                        thing,
                        e.getMessage());
            }
            throw new NotRecordedException(String.valueOf(e.getMessage()), e);
        }
    }

    @Override
    public void pushed(ThingUID target, String channelId, String command, boolean test, PushResult result) {
        keep(HistoryEntries.push(target, channelId, command, test, result, clock.millis()));
    }

    @Override
    public void ruleFinished(RuleFiring firing) {
        keep(HistoryEntries.rule(firing, clock.millis()));
    }

    /** Pushes and rule firings are queued, not waited for; if the writer is that far behind, they are counted and dropped. */
    private void keep(NewEvent event) {
        HistoryStore current = store;
        if (current != null && !current.recordPlain(event) && dropped.getAndIncrement() % 1000 == 0) {
            LOGGER.warn("Event history is behind: {} push results and rule firings not recorded so far", dropped.get());
        }
    }

    @Override
    public void recall(CameraHandler camera) {
        restorer.execute(() -> restore(camera));
    }

    private void restore(CameraHandler camera) {
        HistoryStore current = store;
        if (current == null) {
            return;
        }
        ThingUID uid = camera.thing().uid();
        try {
            CameraMemory memory = CameraRecall.recall(current, uid.toString(), clock.getZone());
            if (memory != null) {
                camera.restore(memory);
                LOGGER.debug("{}: last event, snapshot and properties restored from the history", uid);
            }
        } catch (IOException | RuntimeException e) {
            LOGGER.warn("{}: the history could not restore its last event: {}", uid, e.toString());
        }
    }
}
