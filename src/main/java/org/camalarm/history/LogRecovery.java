package org.camalarm.history;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the event log after a clean stop or a crash: takes the chain heads saved with the newest
 * sealed segment, then reads the records written since (normally the open segment only) and cuts
 * the log at the first record that is torn or damaged. Never refuses to start: a damaged segment
 * header or heads file costs that segment or a longer scan, with a warning, not the older events.
 */
final class LogRecovery {

    private static final Logger LOGGER = LoggerFactory.getLogger(LogRecovery.class);
    private static final int CHUNK = 1 << 20;

    private LogRecovery() {}

    static void recover(EventLog log, ChainHeads heads, long now, long mediaEnd) throws IOException {
        Path dir = log.dir();
        Files.createDirectories(dir);
        List<Integer> numbers = SegmentFile.list(dir);
        for (int i = 0; i < numbers.size(); i++) {
            int number = numbers.get(i);
            Path file = SegmentFile.path(dir, number);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                SegmentFile.Header header = SegmentFile.readHeader(channel, EventLog.MAGIC);
                if (header != null && header.number() == number) {
                    log.adopt(new LogSegment(header, channel.size()));
                    continue;
                }
            }
            LOGGER.warn("History: event segment {} has no valid header; set aside as .damaged", file);
            Files.move(file, file.resolveSibling(file.getFileName() + ".damaged"), StandardCopyOption.REPLACE_EXISTING);
        }
        if (log.segments().isEmpty()) {
            log.startSegment(1, now, mediaEnd);
            return;
        }
        int scanFrom = log.segments().firstKey();
        for (int number : log.segments().descendingKeySet()) {
            ChainHeads.Saved saved = number == log.current().number() ? null : ChainHeads.load(log.headsPath(number));
            if (saved != null) {
                heads.restore(saved);
                scanFrom = number + 1;
                break;
            }
        }
        if (scanFrom == log.segments().firstKey() && log.segments().size() > 1) {
            LOGGER.warn(
                    "History: no saved index found; reading all {} segments to rebuild it",
                    log.segments().size());
        }
        Map<String, Long> found = new HashMap<>();
        long[] lastId = {heads.lastId()};
        for (LogSegment segment : log.segments().values()) {
            if (segment.number() >= scanFrom) {
                scan(log, segment, found, lastId);
            } else {
                readFirstId(log, segment);
            }
        }
        heads.publish(found, lastId[0]);
        log.openForAppend();
    }

    /** Reads a segment's records into the heads; cuts it after the last good record. */
    private static void scan(EventLog log, LogSegment segment, Map<String, Long> found, long[] lastId)
            throws IOException {
        boolean open = segment == log.current();
        try (FileChannel channel =
                FileChannel.open(SegmentFile.path(log.dir(), segment.number()), StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
            buffer.limit(0);
            long bufferStart = SegmentFile.HEADER;
            long offset = SegmentFile.HEADER;
            while (true) {
                int at = (int) (offset - bufferStart);
                if (buffer.limit() - at < RecordFormat.MAX_RECORD && bufferStart + buffer.limit() < size) {
                    buffer.position(at).compact();
                    bufferStart = offset;
                    while (buffer.hasRemaining() && channel.read(buffer, bufferStart + buffer.position()) > 0) {
                        // fill the chunk
                    }
                    buffer.flip();
                    at = 0;
                }
                int length = RecordFormat.length(buffer, at);
                StoredEvent event = length < 0 || at + length > buffer.limit()
                        ? null
                        : RecordFormat.decode(buffer, at, SegmentFile.position(segment.number(), offset));
                if (event == null) {
                    break;
                }
                for (Chain chain : Chain.values()) {
                    found.put(chain.key(event.thing(), event.kind(), event.type()), event.position());
                }
                if (segment.firstId == 0) {
                    segment.firstId = event.id();
                }
                lastId[0] = Math.max(lastId[0], event.id());
                offset += length;
            }
            if (offset < size) {
                LOGGER.warn(
                        "History: {} segment {} has a torn or damaged record at offset {}; the {} bytes from there are"
                                + " skipped",
                        open ? "open" : "sealed",
                        segment.number(),
                        offset,
                        size - offset);
            }
            segment.size = offset;
        }
    }

    private static void readFirstId(EventLog log, LogSegment segment) throws IOException {
        try (EventLog.Reader reader = log.reader()) {
            StoredEvent first = reader.read(SegmentFile.position(segment.number(), SegmentFile.HEADER));
            if (first != null) {
                segment.firstId = first.id();
            }
        }
    }
}
