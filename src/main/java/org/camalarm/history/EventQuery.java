package org.camalarm.history;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Answers an {@link EventFilter}: follows the most selective chain newest first, from its head,
 * from after the cursor, or from the newest record before {@code until} (found through the heads
 * saved with the segment it lies in), and filters on the way. Reads at most {@value #MAX_READS}
 * records per page, so no request becomes a scan of the store; a page cut short says where to go on.
 */
final class EventQuery {

    static final int MAX_READS = 4096;
    /** Ids are receive times in ms shifted left by 20 bits: times from here on (the year 2248) have none. */
    private static final long MAX_MILLIS = Long.MAX_VALUE >> 20;

    private final EventLog log;
    private final ChainHeads heads;

    EventQuery(EventLog log, ChainHeads heads) {
        this.log = log;
        this.heads = heads;
    }

    /** @param oldestId events with smaller ids are past the retention time: not shown */
    EventPage run(EventFilter filter, long oldestId) throws IOException {
        Chain chain = filter.chain();
        String key = filter.chainKey();
        long sinceId = Math.max(oldestId, firstId(filter.since()));
        long untilId = filter.until() >= MAX_MILLIS ? Long.MAX_VALUE : firstId(filter.until() + 1);
        List<StoredEvent> found = new ArrayList<>();
        if (untilId <= sinceId) {
            return new EventPage(found, null); // before 1970, or since after until: nothing, and no next page
        }
        try (EventLog.Reader reader = log.reader()) {
            long position;
            EventId before = filter.before();
            StoredEvent cursor = before == null ? null : reader.read(before.position());
            if (before == null) {
                position = untilId == Long.MAX_VALUE ? heads.head(key) : headBefore(key, untilId);
            } else if (cursor != null
                    && cursor.id() == before.id()
                    && key.equals(chain.key(cursor.thing(), cursor.kind(), cursor.type()))) {
                position = cursor.previous(chain); // the page before ended here: one read to go on
            } else {
                // an id from elsewhere (or pruned): continue below it
                untilId = Math.min(untilId, before.id());
                position = headBefore(key, untilId);
            }
            StoredEvent last = null;
            int reads = 0;
            while (position != 0 && found.size() < filter.limit() && reads++ < MAX_READS) {
                StoredEvent event = reader.read(position);
                if (event == null || event.id() < sinceId) {
                    position = 0; // the chain ends here: pruned, damaged, or older than asked for
                    break;
                }
                last = event;
                position = event.previous(chain);
                if (event.id() < untilId && filter.matches(event)) {
                    found.add(event);
                }
            }
            return new EventPage(found, position != 0 && last != null ? last.eventId() : null);
        }
    }

    /** The smallest id of an event received at {@code millis} (0 before 1970, none after {@link #MAX_MILLIS}). */
    private static long firstId(long millis) {
        return millis <= 0 ? 0 : millis >= MAX_MILLIS ? Long.MAX_VALUE : millis << 20;
    }

    /** Where to start for events with ids below {@code untilId}: the chain's head as of that segment's end. */
    private long headBefore(String key, long untilId) {
        for (LogSegment segment : log.segments().descendingMap().values()) {
            if (segment.firstId != 0 && segment.firstId < untilId) {
                if (segment == log.current()) {
                    break;
                }
                ChainHeads.Saved saved = log.savedHeads(segment.number());
                if (saved == null) {
                    break;
                }
                Long head = saved.heads().get(key);
                return head == null ? 0 : head;
            }
        }
        return heads.head(key);
    }

    /** One event by its id, or {@code null} (unknown, pruned, deleted, past retention). */
    @Nullable
    StoredEvent get(EventId id, long oldestId) throws IOException {
        try (EventLog.Reader reader = log.reader()) {
            StoredEvent event = reader.read(id.position());
            return event == null
                            || event.id() != id.id()
                            || event.id() < oldestId
                            || event.slot().deleted()
                    ? null
                    : event;
        }
    }
}
