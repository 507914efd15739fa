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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snapshots and thumbnails, byte for byte, in segment files in {@code media/}: each JPEG framed as
 * {@code u32 length | u32 check | u64 event id | jpeg} ({@link MediaRecord}). Appended under the
 * writer's lock in one gathering write per batch, before the event records that refer to them; read
 * by any thread.
 *
 * <p>When a full segment is sealed and the next one would bring the deletion of the oldest media
 * segment (the history is at {@code maxDiskMB}, and snapshots are what goes next), the oldest
 * segment's file becomes the new one, overwritten from its start ({@link #rollIfFull}). Writing over
 * pages the kernel still holds, and blocks the disk has allocated, took a third off the write of a
 * 195 KB snapshot (75 to 48 us): allocating both for a new file, and freeing them at the delete, was
 * the rest. A record's check is its JPEG's CRC32C masked by its segment's number ({@link #check}), so
 * the records an earlier life of the file left behind the end are never taken for this one's after a
 * crash; that tail is counted as taken disk space until it is overwritten, and cut off when the
 * segment is sealed or closed. An older build does not read segments of this format (it drops them).
 */
final class MediaLog implements Closeable {

    /** Segments whose checks are masked by their number. */
    static final String MAGIC = "CAMHMD02";
    /** Segments from before segments were reused: a check is the JPEG's CRC32C alone. */
    static final String UNMASKED_MAGIC = "CAMHMD01";

    static final int RECORD_HEADER = 16;

    /** Larger than any JPEG a push can carry: a length beyond it is damage. */
    private static final int MAX_MEDIA = Integer.MAX_VALUE - 64;

    private static final Logger LOGGER = LoggerFactory.getLogger(MediaLog.class);

    private final Path dir;
    private final NavigableMap<Integer, LogSegment> segments = new ConcurrentSkipListMap<>();
    /** Segments written before checks were masked: read, and the open one appended to, unmasked. */
    private final Set<Integer> unmasked = ConcurrentHashMap.newKeySet();

    private @Nullable FileChannel open;
    /** The open segment's file length when it is a reused one still longer than its records, else 0. */
    private volatile long openLength;
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

    /** Bytes the media log takes on the disk, a reused file's earlier tail included. */
    long bytes() {
        long total = 0;
        for (LogSegment segment : segments.values()) {
            total += segment.size;
        }
        return total + Math.max(0, openLength - current().size);
    }

    /** Opens the media log: existing segments, the newest cut after its last whole record. */
    void open(long now) throws IOException {
        Files.createDirectories(dir);
        for (int number : SegmentFile.list(dir)) {
            Path file = SegmentFile.path(dir, number);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                SegmentFile.Header header = SegmentFile.readHeader(channel, MAGIC);
                if (header == null) {
                    header = SegmentFile.readHeader(channel, UNMASKED_MAGIC);
                    if (header != null) {
                        unmasked.add(number);
                    }
                }
                if (header == null || header.number() != number) {
                    LOGGER.warn("History: media segment {} has no valid header; removed", file);
                    Files.delete(file);
                    continue;
                }
                segments.put(number, new LogSegment(header, channel.size()));
            }
        }
        if (segments.isEmpty()) {
            start(1, now, false);
            return;
        }
        LogSegment last = current();
        FileChannel channel = FileChannel.open(
                SegmentFile.path(dir, last.number()), StandardOpenOption.READ, StandardOpenOption.WRITE);
        long valid = validLength(channel, last.number());
        if (valid < channel.size()) {
            LOGGER.warn(
                    "History: media segment {} ends {} bytes after its last whole record (at {}): cut there"
                            + " (a torn record, or what a reused file held before a crash)",
                    last.number(),
                    channel.size() - valid,
                    valid);
            channel.truncate(valid);
        }
        last.size = valid;
        open = channel;
    }

    private long validLength(FileChannel channel, int number) throws IOException {
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
            if (check(SegmentFile.crc(payload.array(), 0, length), number) != header.getInt(4)) {
                break;
            }
            offset += RECORD_HEADER + length;
        }
        return Math.min(offset, size);
    }

    /**
     * What a record of segment {@code number} with a JPEG of CRC32C {@code crc} carries as its check:
     * the CRC masked by the number (an odd multiplier makes every number's mask its own, and never 0).
     */
    int check(int crc, int number) {
        return unmasked.contains(number) ? crc : crc ^ ((number + 1) * 0x9E3779B9);
    }

    private void start(int number, long now, boolean reuseOldest) throws IOException {
        SegmentFile.Header header = new SegmentFile.Header(number, now, 0);
        FileChannel previous = open;
        if (previous != null) {
            cutEarlierTail(previous);
        }
        FileChannel channel = reuseOldest && segments.size() > 1 ? reused(segments.firstKey(), header) : null;
        if (channel == null) {
            channel = SegmentFile.create(dir, MAGIC, header);
        }
        openLength = channel.size();
        open = channel;
        segments.put(number, new LogSegment(header, SegmentFile.HEADER));
        if (previous != null) {
            previous.close();
        }
    }

    /** Cuts what a reused open segment's file held beyond its records. */
    private void cutEarlierTail(FileChannel channel) throws IOException {
        long size = current().size;
        if (channel.size() > size) {
            channel.truncate(size);
        }
        openLength = 0;
    }

    /**
     * Sealed segment {@code oldest}, gone from the log, as segment {@code header.number()} with its
     * header written; null when it cannot be (its file is then deleted, as it would have been).
     */
    private @Nullable FileChannel reused(int oldest, SegmentFile.Header header) {
        segments.remove(oldest);
        unmasked.remove(oldest);
        Path old = SegmentFile.path(dir, oldest);
        Path file = SegmentFile.path(dir, header.number());
        try {
            Files.move(old, file);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            try {
                SegmentFile.writeFully(channel, SegmentFile.header(MAGIC, header), 0);
                return channel;
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            LOGGER.warn("History: media segment {} could not be reused: {}", oldest, e.toString());
            try {
                Files.deleteIfExists(old);
                Files.deleteIfExists(file);
            } catch (IOException again) {
                LOGGER.warn("History: media segment {} could not be removed: {}", oldest, again.toString());
            }
            return null;
        }
    }

    /**
     * Starts the next segment when the open one has reached {@code maxBytes} (nothing staged); with
     * {@code reuseOldest} (the history is full and the oldest media segment is what goes next) in the
     * oldest sealed segment's file, which leaves the log.
     */
    void rollIfFull(long maxBytes, long now, boolean reuseOldest) throws IOException {
        if (stagedBytes == 0 && current().size >= maxBytes) {
            start(current().number() + 1, now, reuseOldest);
        }
    }

    /** Stages a framed JPEG for the next {@link #flush()}, as {@code owner}'s; returns where it will be. */
    MediaRef stage(long owner, MediaRecord record) {
        long position = end();
        ByteBuffer framed = record.forOwner(owner, check(record.crc(), current().number()));
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
                    || record.getInt(4)
                            != check(SegmentFile.crc(bytes, RECORD_HEADER, ref.length()), segment.number())) {
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
            unmasked.remove(number);
            Files.deleteIfExists(SegmentFile.path(dir, number));
        }
    }

    @Override
    public void close() throws IOException {
        FileChannel channel = open;
        open = null;
        if (channel != null) {
            try (channel) { // a clean stop leaves no earlier tail for the next start to warn of
                cutEarlierTail(channel);
            }
        }
    }
}
