package org.camalarm.inbox;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camalarm.alarm.Alarm;
import org.camalarm.alarm.AlarmEvent;
import org.camalarm.alarm.Channels;
import org.camalarm.alarm.Macs;
import org.camalarm.thing.Thing;
import org.camalarm.thing.ThingConfigurations;
import org.camalarm.thing.ThingListener;
import org.camalarm.thing.ThingUID;
import org.camalarm.time.OncePerMinute;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cameras that pushed but match no thing, and their approval into things. Approving creates the
 * named factory configuration {@code camalarm.<type>~<id>} in Configuration Admin (kept in its own
 * store, not in {@code conf/}), so the camera's next pushes land on the new thing.
 *
 * <p>Bounded: at most {@value #MAX_ENTRIES} cameras; the one not heard from the longest makes room,
 * so a flood of invented MACs cannot grow memory.
 */
@Component(service = {Inbox.class, ThingListener.class})
public class Inbox implements ThingListener {

    static final int MAX_ENTRIES = 100;
    /** Longest part of a suggested thing id made from what a camera sent. */
    static final int MAX_SEGMENT_CHARS = 40;

    private static final Logger LOGGER = LoggerFactory.getLogger(Inbox.class);

    private final ConfigurationAdmin configurationAdmin;
    private final Clock clock;
    /** By thing UID; guarded by {@code this}. */
    private final Map<ThingUID, InboxEntry> entries = new LinkedHashMap<>();
    /** Entries the user ignored: their cameras' alarms no longer enter the inbox; guarded by {@code this}. */
    private final Set<ThingUID> ignored = new LinkedHashSet<>();

    private final OncePerMinute announcements = new OncePerMinute();

    @Activate
    public Inbox(@Reference ConfigurationAdmin configurationAdmin) {
        this(configurationAdmin, Clock.systemUTC());
    }

    Inbox(ConfigurationAdmin configurationAdmin, Clock clock) {
        this.configurationAdmin = configurationAdmin;
        this.clock = clock;
    }

    /**
     * Records an alarm no camera thing took; returns the UID its entry has (and approving it would give).
     *
     * @param sameDeviceAs the configured camera whose device sent it (to an id in the path that no thing
     *                     has: a typo, most likely), shown with the entry
     */
    public ThingUID add(
            Alarm alarm, @Nullable String pathThingId, String remoteAddress, @Nullable ThingUID sameDeviceAs) {
        ThingUID uid = new ThingUID(alarm.vendor().thingType(), suggestedId(alarm, pathThingId, remoteAddress));
        Map<String, String> properties = new LinkedHashMap<>();
        putIfPresent(properties, "sameDeviceAs", sameDeviceAs == null ? null : sameDeviceAs.toString());
        putIfPresent(properties, "macAddress", alarm.mac());
        putIfPresent(properties, "deviceId", alarm.deviceId());
        putIfPresent(properties, "ipAddress", alarm.ip());
        putIfPresent(properties, "deviceName", alarm.deviceName());
        putIfPresent(properties, "nvrChannel", channel(alarm));
        putIfPresent(properties, "channelName", channelName(alarm));
        putIfPresent(properties, "remoteAddress", remoteAddress);
        String lastType = null; // what the camera saw last: a stop (TVT reports every type, most false) says nothing
        for (AlarmEvent event : alarm.events()) {
            if (event.action() != AlarmEvent.Action.STOP) {
                lastType = event.type();
            }
        }
        Instant now = clock.instant();
        boolean added;
        synchronized (this) {
            if (ignored.contains(uid)) {
                return uid;
            }
            @Nullable InboxEntry old = entries.remove(uid);
            added = old == null;
            if (added && entries.size() >= MAX_ENTRIES) {
                entries.remove(entries.keySet().iterator().next());
            }
            String channelName = channelName(alarm);
            String name = channelName != null ? channelName : alarm.deviceName();
            String label = name != null ? name : old != null ? old.label() : uid.thingId();
            entries.put(
                    uid,
                    new InboxEntry(
                            uid,
                            label,
                            Map.copyOf(properties),
                            old == null ? now : old.firstSeen(),
                            now,
                            old == null ? 1 : old.pushes() + 1,
                            lastType != null ? lastType : old == null ? null : old.lastEventType(),
                            !uid.thingId().equals(pathThingId) && (alarm.mac() != null || alarm.deviceId() != null)));
        }
        if (added) {
            // what a sender puts in an alarm is logged at info at most once a minute: a flood of invented
            // cameras must not flood the log
            announcements.log(
                    LOGGER,
                    "New camera in the inbox: {} ({}), pushing from {}",
                    uid,
                    properties.getOrDefault("macAddress", "no MAC"),
                    remoteAddress);
        }
        return uid;
    }

    private static void putIfPresent(Map<String, String> map, String key, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }

    /**
     * The path's thing id when it is one; else one made from the MAC, the device id, the reported
     * IP, or the sender, with {@code _ch<channel>} for an NVR channel: one entry per camera of an NVR.
     */
    static String suggestedId(Alarm alarm, @Nullable String pathThingId, String remoteAddress) {
        if (pathThingId != null && ThingUID.isValidSegment(pathThingId)) {
            return pathThingId;
        }
        String mac = alarm.mac();
        String deviceId = alarm.deviceId();
        String ip = alarm.ip();
        String basis = mac != null ? mac : deviceId != null ? deviceId : ip != null ? ip : remoteAddress;
        String channel = channel(alarm);
        // at most 10 + 40 + 3 + 8 characters ("hikvision_…_ch…"): within ThingUID.MAX_SEGMENT
        return alarm.vendor().thingType() + "_" + segment(basis, MAX_SEGMENT_CHARS)
                + (channel == null ? "" : "_ch" + segment(channel, 8));
    }

    /** Letters and digits, lower case, at most {@value #MAX_SEGMENT_CHARS}; {@code x} when none are left. */
    private static String segment(String text, int max) {
        String letters = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String cut = letters.length() > max ? letters.substring(0, max) : letters;
        return cut.isEmpty() ? "x" : cut;
    }

    /** The NVR channel of an alarm routed here (a part of one channel), or {@code null}. */
    private static @Nullable String channel(Alarm alarm) {
        return alarm.events().isEmpty() ? null : alarm.events().get(0).nvrChannel();
    }

    private static @Nullable String channelName(Alarm alarm) {
        return alarm.events().isEmpty() ? null : alarm.events().get(0).channelName();
    }

    public synchronized List<InboxEntry> entries() {
        List<InboxEntry> list = new ArrayList<>(entries.values());
        list.sort(Comparator.comparing(InboxEntry::lastSeen).reversed());
        return list;
    }

    public synchronized Optional<InboxEntry> entry(ThingUID uid) {
        return Optional.ofNullable(entries.get(uid));
    }

    /**
     * Removes an entry and ignores its camera from now on (until the hub restarts): its alarms are
     * answered but no longer listed. Returns whether there was such an entry.
     */
    public synchronized boolean ignore(ThingUID uid) {
        if (entries.remove(uid) == null) {
            return false;
        }
        if (ignored.size() >= MAX_ENTRIES) {
            ignored.remove(ignored.iterator().next());
        }
        ignored.add(uid);
        LOGGER.info("Inbox entry {} ignored", uid);
        return true;
    }

    /**
     * A thing that now exists takes its camera out of the inbox (the file came after the first
     * alarm): the entry with its id, and those of its device (its {@code mac} or {@code deviceId})
     * that it would take, as the router picks: all of them when it has no {@code channel}, else the
     * entry of that channel and one without a channel. With them go the entries their sender made
     * without saying which device it is (a TVT camera's smart-event data carries no MAC, so it
     * became an entry named by the sender's address).
     */
    @Override
    public void thingAdded(Thing thing) {
        String mac = configured(thing, "mac");
        String normalisedMac = mac == null ? null : Macs.normalise(mac);
        String deviceId = configured(thing, "deviceId");
        String channel = configured(thing, "channel");
        boolean removed;
        synchronized (this) {
            Set<String> senders = new HashSet<>();
            removed = entries.values().removeIf(entry -> {
                Map<String, String> reported = entry.properties();
                boolean sameDevice = (normalisedMac != null && normalisedMac.equals(reported.get("macAddress")))
                        || (deviceId != null && deviceId.equals(reported.get("deviceId")));
                String entryChannel = reported.get("nvrChannel");
                boolean taken = entry.thingUID().thingId().equals(thing.uid().thingId())
                        || (sameDevice
                                && (channel == null || entryChannel == null || Channels.same(channel, entryChannel)));
                String sender = reported.get("remoteAddress");
                if (taken && sender != null) {
                    senders.add(sender);
                }
                return taken;
            });
            removed |= removeNamelessFrom(senders);
        }
        if (removed) {
            LOGGER.debug("Inbox entry for {} removed: the thing exists now", thing.uid());
        }
    }

    /** Removes the entries of these senders that say no MAC or device id; guarded by {@code this}. */
    private boolean removeNamelessFrom(Set<String> senders) {
        return entries.values().removeIf(entry -> {
            Map<String, String> reported = entry.properties();
            return !reported.containsKey("macAddress")
                    && !reported.containsKey("deviceId")
                    && senders.contains(reported.get("remoteAddress"));
        });
    }

    /** A configured value, stripped; {@code null} when absent or blank. */
    private static @Nullable String configured(Thing thing, String key) {
        Object value = thing.configuration().get(key);
        String text = value == null ? "" : String.valueOf(value).strip();
        return text.isEmpty() ? null : text;
    }

    /**
     * Creates the camera thing for an inbox entry through Configuration Admin and removes the entry.
     *
     * @param label   the thing's label, or {@code null} for the suggested one
     * @param thingId the thing's id, or {@code null} for the suggested one; another than the entry's only
     *                when it is {@link InboxEntry#renamable()}
     * @return the thing's UID, or empty when there is no such entry
     * @throws IllegalArgumentException when {@code thingId} is not a valid id or the camera cannot take it
     * @throws IllegalStateException    when a configuration of that id exists already (its thing may still be
     *                                  on its way)
     */
    public Optional<ThingUID> approve(ThingUID uid, @Nullable String label, @Nullable String thingId)
            throws IOException {
        InboxEntry entry = entry(uid).orElse(null);
        if (entry == null) {
            return Optional.empty();
        }
        ThingUID approved = thingId == null || thingId.isBlank() ? uid : new ThingUID(uid.thingType(), thingId.strip());
        if (!approved.equals(uid) && !entry.renamable()) {
            throw new IllegalArgumentException(
                    "thingId: this camera names itself " + uid.thingId() + " in its alarm path, or sends no MAC"
                            + " or device id: only a thing with that id takes its alarms");
        }
        Configuration configuration = configurationAdmin.getFactoryConfiguration(
                "camalarm." + uid.thingType(), ThingConfigurations.storedName(approved.thingId()), "?");
        if (configuration.getProperties() != null) { // made a moment ago, its thing not there yet: never overwritten
            throw new IllegalStateException("thing id " + approved.thingId() + " is already used");
        }
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(ThingConfigurations.THING_ID, approved.thingId());
        properties.put("label", label != null && !label.isBlank() ? label : entry.label());
        String mac = entry.properties().get("macAddress");
        if (mac != null) {
            properties.put("mac", mac);
        }
        String deviceId = entry.properties().get("deviceId");
        if (deviceId != null && mac == null) {
            properties.put("deviceId", deviceId);
        }
        String channel = entry.properties().get("nvrChannel");
        if (channel != null) {
            properties.put("channel", channel);
        }
        configuration.update(properties); // its thing comes later, asynchronously: the entries go now
        synchronized (this) {
            entries.remove(uid);
            String sender = entry.properties().get("remoteAddress");
            if (sender != null && (mac != null || deviceId != null)) {
                removeNamelessFrom(Set.of(sender));
            }
        }
        LOGGER.info("Inbox entry {} approved as the thing {}", uid, approved);
        return Optional.of(approved);
    }
}
