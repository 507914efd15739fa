package org.camalarm.history;

import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;

/**
 * An event as stored: its {@link NewEvent} fields, its id and position, the first snapshot, the
 * {@link EventSlot} that later pushes patch, and the back-pointers of its chains.
 *
 * @param id       sortable by time: the receive time in ms shifted left by 20 bits, plus a sequence
 * @param position where the record lies ({@link SegmentFile#position})
 * @param previous per {@link Chain}: the position of the previous record of that chain, 0 for none
 */
public record StoredEvent(
        long id,
        long position,
        EventKind kind,
        String thing,
        String type,
        String channel,
        EventAction action,
        long time,
        long received,
        String address,
        String data,
        Map<String, String> props,
        @Nullable MediaRef image,
        EventSlot slot,
        long[] previous) {

    /** The id and position as one string: what REST calls the event's id and the paging cursor. */
    public EventId eventId() {
        return new EventId(id, position);
    }

    /** The same event with other snapshot references (the first, the newest, the thumbnail). */
    StoredEvent withMedia(@Nullable MediaRef first, @Nullable MediaRef last, @Nullable MediaRef thumbnail) {
        EventSlot media = new EventSlot(slot.end(), last, thumbnail, slot.snapshots(), slot.deleted());
        return new StoredEvent(
                id, position, kind, thing, type, channel, action, time, received, address, data, props, first, media,
                previous);
    }

    /**
     * The detection's first snapshot: the one its first push carried, else the first a later push
     * brought (then it is also its newest until another comes); {@code null} when none came.
     */
    public @Nullable MediaRef firstSnapshot() {
        return image != null ? image : slot.lastImage();
    }

    long previous(Chain chain) {
        return previous[chain.ordinal()];
    }
}
