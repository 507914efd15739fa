package org.camalarm.history;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snapshots and thumbnails, byte for byte, in segment files in {@code media/}: each JPEG framed as
 * {@code u32 length | u32 crc32c(jpeg) | u64 event id | jpeg} ({@link MediaRecord}). Appended under
 * the writer's lock in one gathering write per batch, before the event records that refer to them;
 * read by any thread.
 */
final class MediaLog implements Closeable {

    static final String MAGIC = "CAMHMD01";
    static final int RECORD_HEADER = 16;
    /** Larger than any JPEG a push can carry: a length beyond it is damage. */
    private static final int MAX_MEDIA = Integer.MAX_VALUE - 64;

    private static final Logger LOGGER = LoggerFactory.getLogger(MediaLog.class);

    private final Path dir;
    private final NavigableMap<Integer, LogSegment> segments = new ConcurrentSkipListMap<>();
    private @Nullable FileChannel open;
    /** Staged for the next {@link #flush()}; writer thread only. */
    private final List<ByteBuffer> staged = new ArrayList<>();

    private long stagedBytes;

    MediaLog(Path dir) {
        this.dir = dir;
    }

    NavigableMap<Integer, LogSegment> segments() {
        return segments;
    }

    LogSegment current() {
        return segments.lastEntry().getValue();
    }

    /** Where the next JPEG goes, counting those staged. */
    long end() {
        LogSegment current = current();
        return SegmentFile.position(current.number(), current.size + stagedBytes);
    }

    long bytes() {
        long total = 0;
        for (LogSegment segment : segments.values()) {
            total += segment.size;
        }
        return total;
    }

    /** Opens the media log: existing segments, the newest cut after its last whole record. */
    void open(long now) throws IOException {
        Files.createDirectories(dir);
        for (int number : SegmentFile.list(dir)) {
            Path file = SegmentFile.path(dir, number);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                SegmentFile.Header header = SegmentFile.readHeader(channel, MAGIC);
                if (header == null || header.number() != number) {
                    LOGGER.warn("History: media segment {} has no valid header; removed", file);
                    Files.delete(file);
                    continue;
                }
                segments.put(number, new LogSegment(header, channel.size()));
            }
        }
        if (segments.isEmpty()) {
            start(1, now);
            return;
        }
        LogSegment last = current();
        FileChannel channel = FileChannel.open(
                SegmentFile.path(dir, last.number()), StandardOpenOption.READ, StandardOpenOption.WRITE);
        long valid = validLength(channel);
        if (valid < channel.size()) {
            LOGGER.warn(
                    "History: media segment {} ends in a torn record; {} bytes after offset {} dropped",
                    last.number(),
                    channel.size() - valid,
                    valid);
            channel.truncate(valid);
        }
        last.size = valid;
        open = channel;
    }

    private static long validLength(FileChannel channel) throws IOException {
        long offset = SegmentFile.HEADER;
        long size = channel.size();
        ByteBuffer header = ByteBuffer.allocate(RECORD_HEADER);
        while (offset + RECORD_HEADER <= size) {
            header.clear();
            SegmentFile.readFully(channel, header, offset);
            int length = header.getInt(0);
            if (length <= 0 || length > MAX_MEDIA || offset + RECORD_HEADER + length > size) {
                break;
            }
            ByteBuffer payload = ByteBuffer.allocate(length);
            SegmentFile.readFully(channel, payload, offset + RECORD_HEADER);
            if (SegmentFile.crc(payload.array(), 0, length) != header.getInt(4)) {
                break;
            }
            offset += RECORD_HEADER + length;
        }
        return Math.min(offset, size);
    }

    private void start(int number, long now) throws IOException {
        SegmentFile.Header header = new SegmentFile.Header(number, now, 0);
        FileChannel channel = SegmentFile.create(dir, MAGIC, header);
        FileChannel previous = open;
        open = channel;
        segments.put(number, new LogSegment(header, SegmentFile.HEADER));
        if (previous != null) {
            previous.close();
        }
    }

    /** Starts the next segment when the open one has reached {@code maxBytes} (nothing staged). */
    void rollIfFull(long maxBytes, long now) throws IOException {
        if (stagedBytes == 0 && current().size >= maxBytes) {
            start(current().number() + 1, now);
        }
    }

    /** Stages a framed JPEG for the next {@link #flush()}, as {@code owner}'s; returns where it will be. */
    MediaRef stage(long owner, MediaRecord record) {
        long position = end();
        ByteBuffer framed = record.forOwner(owner);
        staged.add(framed);
        stagedBytes += framed.remaining();
        return new MediaRef(position, record.length());
    }

    /** Writes what was staged, in one gathering write; on failure nothing of it stays. */
    void flush() throws IOException {
        if (staged.isEmpty()) {
            return;
        }
        LogSegment current = current();
        FileChannel channel = open;
        if (channel == null) {
            throw new IOException("the history is closed");
        }
        long at = current.size;
        try {
            channel.position(at);
            ByteBuffer[] buffers = staged.toArray(new ByteBuffer[0]);
            long left = stagedBytes;
            while (left > 0) {
                left -= channel.write(buffers);
            }
            current.size = at + stagedBytes;
        } catch (IOException e) {
            channel.truncate(at);
            throw e;
        } finally {
            staged.clear();
            stagedBytes = 0;
        }
    }

    /** Drops what was staged (the batch failed before its media were written). */
    void discard() {
        staged.clear();
        stagedBytes = 0;
    }

    /** Whether the segment {@code ref} lies in is still kept (its record may still be damaged). */
    boolean holds(MediaRef ref) {
        return segments.containsKey(SegmentFile.segment(ref.position()));
    }

    /** The JPEG at {@code ref}, or {@code null} when it was pruned or is damaged. */
    byte @Nullable [] read(MediaRef ref) throws IOException {
        LogSegment segment = segments.get(SegmentFile.segment(ref.position()));
        long offset = SegmentFile.offset(ref.position());
        if (segment == null || offset + RECORD_HEADER + ref.length() > segment.size) {
            return null;
        }
        try (FileChannel channel = FileChannel.open(SegmentFile.path(dir, segment.number()), StandardOpenOption.READ)) {
            ByteBuffer record = ByteBuffer.allocate(RECORD_HEADER + ref.length());
            SegmentFile.readFully(channel, record, offset);
            byte[] bytes = record.array();
            if (record.getInt(0) != ref.length()
                    || record.getInt(4) != SegmentFile.crc(bytes, RECORD_HEADER, ref.length())) {
                return null;
            }
            return java.util.Arrays.copyOfRange(bytes, RECORD_HEADER, bytes.length);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Deletes a sealed segment (writer thread). */
    void delete(int number) throws IOException {
        if (number != current().number()) {
            segments.remove(number);
            Files.deleteIfExists(SegmentFile.path(dir, number));
        }
    }

    @Override
    public void close() throws IOException {
        FileChannel channel = open;
        open = null;
        if (channel != null) {
            channel.close();
        }
    }
}
