package org.camalarm.history;

import org.eclipse.jdt.annotation.Nullable;

/**
 * The part of a stored event that changes after it was written, patched in place: a repeat within
 * the hold moves {@code end} and may bring a newer snapshot, the thumbnail is made later, and a
 * user may delete the event.
 *
 * @param end       when the last push of this detection came (epoch ms); the received time at first
 * @param lastImage the newest snapshot of the detection, or {@code null}
 * @param thumbnail the thumbnail of the detection's first snapshot, once made, or {@code null}
 * @param snapshots how many snapshots the detection brought
 * @param deleted   deleted by a user: no longer listed or served
 */
public record EventSlot(
        long end, @Nullable MediaRef lastImage, @Nullable MediaRef thumbnail, int snapshots, boolean deleted) {

    /** The slot of a new event. */
    static EventSlot initial(long received, @Nullable MediaRef image) {
        return new EventSlot(received, image, null, image == null ? 0 : 1, false);
    }

    /** A later push of the same detection, with or without a snapshot. */
    EventSlot extended(long at, @Nullable MediaRef image) {
        return new EventSlot(
                Math.max(end, at),
                image != null ? image : lastImage,
                thumbnail,
                image != null ? Math.min(snapshots + 1, 0xFFFF) : snapshots,
                deleted);
    }

    EventSlot withThumbnail(MediaRef made) {
        return new EventSlot(end, lastImage, made, snapshots, deleted);
    }

    EventSlot asDeleted() {
        return new EventSlot(end, lastImage, thumbnail, snapshots, true);
    }
}
