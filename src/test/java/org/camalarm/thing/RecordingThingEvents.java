package org.camalarm.thing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** {@link ThingEvents} that keeps what it is told, as text lines, for assertions. */
public final class RecordingThingEvents implements ThingEvents {

    public final List<String> lines = new CopyOnWriteArrayList<>();
    /** What {@link #subscribed} answers for every topic: whether EventAdmin has a subscriber. */
    public volatile boolean subscribers = true;

    @Override
    public void stateChanged(ThingUID thing, String channelId, State newState, State oldState) {
        lines.add("state " + thing.channelUID(channelId) + " " + oldState + "->" + newState);
    }

    @Override
    public void triggered(ThingUID thing, String channelId, String event) {
        lines.add("trigger " + thing.channelUID(channelId) + " " + event);
    }

    @Override
    public void statusChanged(ThingUID thing, ThingStatusInfo status) {
        lines.add("status " + thing + " " + status.status());
    }

    @Override
    public boolean subscribed(String topic) {
        return subscribers;
    }

    public List<String> matching(String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).toList();
    }
}
