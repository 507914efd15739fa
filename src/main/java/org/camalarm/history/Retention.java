package org.camalarm.history;

import java.io.IOException;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the history within its limits, on the writer thread between batches (never in a push's
 * way). Deletes whole sealed segments, oldest first: events and snapshots past {@code maxAgeDays};
 * the oldest of either while both together exceed {@code maxDiskMB}; snapshots, then events, while
 * the disk has less than {@code minFreeDiskMB} free; snapshots no remaining event refers to. Then
 * seals the open segments that are full or old enough. The open segments are never deleted. When a
 * full media segment is sealed at {@code maxDiskMB}, the next one takes over the oldest media
 * segment's file ({@link MediaLog#rollIfFull}).
 * Readers meet a deleted segment as the end of their chain.
 */
final class Retention {

    private static final Logger LOGGER = LoggerFactory.getLogger(Retention.class);

    private final EventLog events;
    private final MediaLog media;
    private final ChainHeads heads;
    private final Supplier<HistorySettings> settings;
    private final LongSupplier freeBytes;
    private boolean warnedFull;

    Retention(
            EventLog events,
            MediaLog media,
            ChainHeads heads,
            Supplier<HistorySettings> settings,
            LongSupplier freeBytes) {
        this.events = events;
        this.media = media;
        this.heads = heads;
        this.settings = settings;
        this.freeBytes = freeBytes;
    }

    /** Seals the open segments when full or old (an empty one stays open). */
    void rollIfDue(long now) throws IOException {
        HistorySettings limits = settings.get();
        LogSegment current = events.current();
        if (current.size > SegmentFile.HEADER
                && (current.size >= limits.eventSegmentBytes() || now - current.created() >= limits.rollAfterMs())) {
            events.roll(heads.snapshot(), heads.lastId(), now, media.end());
        }
        LogSegment currentMedia = media.current();
        boolean old = currentMedia.size > SegmentFile.HEADER && now - currentMedia.created() >= limits.rollAfterMs();
        // full: the next segment would bring the oldest media segment's deletion, so its file is taken
        // over; not for a segment sealed by age, whose successor may well fit beside the oldest
        boolean full = !old
                && events.bytes() + media.bytes() + limits.mediaSegmentBytes() > limits.maxDiskBytes()
                && media.segments().size() > 1
                && !eventsGoFirst();
        media.rollIfFull(old ? 0 : limits.mediaSegmentBytes(), now, full);
    }

    /**
     * Deletes what the limits say must go, then seals what is due: deleting first, so a disk too
     * full to start a new segment still gets room made on it.
     */
    void maintain(long now) throws IOException {
        deleteDue(now);
        rollIfDue(now);
    }

    private void deleteDue(long now) throws IOException {
        HistorySettings limits = settings.get();
        long oldest = now - limits.maxAge().toMillis();
        while (sealedOlderThan(events.segments(), oldest)) {
            delete(events.segments().firstKey(), true, "older than maxAgeDays");
        }
        while (sealedOlderThan(media.segments(), oldest)) {
            delete(media.segments().firstKey(), false, "older than maxAgeDays");
        }
        while (events.bytes() + media.bytes() > limits.maxDiskBytes() && deleteOldest("maxDiskMB reached")) {
            // the oldest segment went
        }
        long free = freeBytes.getAsLong();
        while (free < limits.minFreeBytes()) {
            boolean deleted = media.segments().size() > 1
                    ? delete(media.segments().firstKey(), false, "less than minFreeDiskMB free")
                    : events.segments().size() > 1
                            && delete(events.segments().firstKey(), true, "less than minFreeDiskMB free");
            if (!deleted) {
                if (!warnedFull) {
                    LOGGER.warn(
                            "History: less than {} MB free on the disk and nothing left to delete",
                            limits.minFreeBytes() >> 20);
                    warnedFull = true;
                }
                return;
            }
            free = freeBytes.getAsLong();
        }
        warnedFull = false;
        deleteUnreferencedMedia();
    }

    /** Whether the oldest segment is sealed and everything in it is older than {@code oldest}. */
    private static boolean sealedOlderThan(NavigableMap<Integer, LogSegment> segments, long oldest) {
        if (segments.size() < 2) {
            return false;
        }
        // every record of a sealed segment came before the next segment was started
        Map.Entry<Integer, LogSegment> next = segments.higherEntry(segments.firstKey());
        return next != null && next.getValue().created() < oldest;
    }

    /**
     * Deletes whichever of the oldest sealed event and media segments holds the older records; false
     * when none is sealed. Compared by when each was sealed, not started: a media segment opened at
     * start and filled days later (a camera that only now sends snapshots) holds new snapshots.
     */
    private boolean deleteOldest(String why) throws IOException {
        if (events.segments().size() < 2 && media.segments().size() < 2) {
            return false;
        }
        boolean eventFirst = eventsGoFirst();
        return delete(
                eventFirst ? events.segments().firstKey() : media.segments().firstKey(), eventFirst, why);
    }

    /** Whether the oldest sealed event segment holds older records than the oldest sealed media one (or it alone is sealed). */
    private boolean eventsGoFirst() {
        return events.segments().size() > 1
                && (media.segments().size() < 2 || sealedAt(events.segments()) <= sealedAt(media.segments()));
    }

    /** When the oldest segment was sealed: its successor was started then (its newest record is older). */
    private static long sealedAt(NavigableMap<Integer, LogSegment> segments) {
        return segments.higherEntry(segments.firstKey()).getValue().created();
    }

    /** Snapshots older than the oldest remaining event segment: no event refers to them any more. */
    private void deleteUnreferencedMedia() throws IOException {
        long referenced = events.segments().firstEntry().getValue().header.mediaStart();
        while (media.segments().size() > 1) {
            Map.Entry<Integer, LogSegment> next =
                    media.segments().higherEntry(media.segments().firstKey());
            long nextStart = next == null ? Long.MAX_VALUE : SegmentFile.position(next.getKey(), 0);
            if (nextStart > referenced) {
                return;
            }
            delete(media.segments().firstKey(), false, "no event refers to it");
        }
    }

    private boolean delete(int number, boolean eventSegment, String why) throws IOException {
        LOGGER.debug("History: deleting {} segment {}: {}", eventSegment ? "event" : "media", number, why);
        if (eventSegment) {
            events.delete(number);
        } else {
            media.delete(number);
        }
        return true;
    }
}
