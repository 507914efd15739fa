package org.camalarm.history;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The event records on disk: segment files in {@code events/}, appended to by the writer thread
 * only, read by any thread through a {@link Reader}. The newest segment is the open one; the others
 * are sealed and each has the chain heads as of its end in {@code NNNNNNNN.heads}.
 */
final class EventLog implements Closeable {

    static final String MAGIC = "CAMHEV01";

    private final Path dir;
    private final NavigableMap<Integer, LogSegment> segments = new ConcurrentSkipListMap<>();
    /** Writer thread only: the open segment's channel and channels of older segments being patched. */
    private @Nullable FileChannel open;

    private final Map<Integer, FileChannel> patching = new LinkedHashMap<>();
    /** Heads files read for queries with {@code until}; guarded by itself. */
    private final Map<Integer, ChainHeads.Saved> savedHeads = new LinkedHashMap<>(8, 0.75f, true);

    EventLog(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    NavigableMap<Integer, LogSegment> segments() {
        return segments;
    }

    LogSegment current() {
        return segments.lastEntry().getValue();
    }

    /** Where the next record goes. */
    long end() {
        LogSegment current = current();
        return SegmentFile.position(current.number(), current.size);
    }

    long bytes() {
        long total = 0;
        for (LogSegment segment : segments.values()) {
            total += segment.size;
        }
        return total;
    }

    /** Registers a segment found at open (recovery), with its valid length. */
    void adopt(LogSegment segment) {
        segments.put(segment.number(), segment);
    }

    /** Opens the newest segment for appending at its valid length, cutting off anything after it. */
    void openForAppend() throws IOException {
        LogSegment current = current();
        FileChannel channel = FileChannel.open(
                SegmentFile.path(dir, current.number()), StandardOpenOption.READ, StandardOpenOption.WRITE);
        channel.truncate(current.size);
        open = channel;
    }

    /** Starts a new segment (the first one, or after sealing the current one). */
    void startSegment(int number, long created, long mediaStart) throws IOException {
        SegmentFile.Header header = new SegmentFile.Header(number, created, mediaStart);
        FileChannel channel = SegmentFile.create(dir, MAGIC, header);
        FileChannel previous = open;
        open = channel;
        segments.put(number, new LogSegment(header, SegmentFile.HEADER));
        if (previous != null) {
            previous.close();
        }
    }

    /** Seals the open segment: saves the heads as of its end beside it, then starts the next one. */
    void roll(Map<String, Long> heads, long lastId, long created, long mediaStart) throws IOException {
        LogSegment sealed = current();
        ChainHeads.save(headsPath(sealed.number()), heads, lastId);
        startSegment(sealed.number() + 1, created, mediaStart);
    }

    /** Appends a batch of records at {@link #end()}. */
    void append(ByteBuffer records) throws IOException {
        LogSegment current = current();
        FileChannel channel = openChannel();
        long at = current.size;
        try {
            SegmentFile.writeFully(channel, records, at);
        } catch (IOException e) {
            channel.truncate(at); // a partial write must not stay between good records
            throw e;
        }
        if (current.firstId == 0 && at == SegmentFile.HEADER) {
            current.firstId = records.getLong(RecordFormat.PREFIX + 1);
        }
        current.size = at + records.limit();
    }

    /** Rewrites the slot of the record at {@code position}; a pruned segment is left alone. */
    void patch(long position, ByteBuffer slot) throws IOException {
        int number = SegmentFile.segment(position);
        FileChannel channel = number == current().number() ? openChannel() : patchChannel(number);
        if (channel != null) {
            SegmentFile.writeFully(channel, slot, SegmentFile.offset(position) + RecordFormat.HEADER);
        }
    }

    private FileChannel openChannel() throws IOException {
        FileChannel channel = open;
        if (channel == null) {
            throw new IOException("the history is closed");
        }
        return channel;
    }

    private @Nullable FileChannel patchChannel(int number) throws IOException {
        FileChannel channel = patching.get(number);
        if (channel == null) {
            if (!segments.containsKey(number)) {
                return null;
            }
            try {
                channel = FileChannel.open(SegmentFile.path(dir, number), StandardOpenOption.WRITE);
            } catch (NoSuchFileException e) {
                return null;
            }
            patching.put(number, channel);
            if (patching.size() > 4) {
                Integer eldest = patching.keySet().iterator().next();
                FileChannel closing = patching.remove(eldest);
                if (closing != null) {
                    closing.close();
                }
            }
        }
        return channel;
    }

    /** Deletes a sealed segment and its heads (writer thread). */
    void delete(int number) throws IOException {
        segments.remove(number);
        FileChannel channel = patching.remove(number);
        if (channel != null) {
            channel.close();
        }
        synchronized (savedHeads) {
            savedHeads.remove(number);
        }
        Files.deleteIfExists(SegmentFile.path(dir, number));
        Files.deleteIfExists(headsPath(number));
    }

    Path headsPath(int number) {
        return dir.resolve(String.format("%08d.heads", number));
    }

    /** The heads saved at the end of sealed segment {@code number}, or {@code null}. */
    ChainHeads.@Nullable Saved savedHeads(int number) {
        synchronized (savedHeads) {
            ChainHeads.Saved saved = savedHeads.get(number);
            if (saved == null) {
                saved = ChainHeads.load(headsPath(number));
                if (saved != null) {
                    savedHeads.put(number, saved);
                    if (savedHeads.size() > 4) {
                        savedHeads.remove(savedHeads.keySet().iterator().next());
                    }
                }
            }
            return saved;
        }
    }

    Reader reader() {
        return new Reader();
    }

    @Override
    public void close() throws IOException {
        FileChannel channel = open;
        open = null;
        if (channel != null) {
            channel.close();
        }
        for (FileChannel other : patching.values()) {
            other.close();
        }
        patching.clear();
    }

    /**
     * Reads records for one query or request, any thread. Opens its own channels (closed with it),
     * so an interrupted reader cannot close the writer's. A record in a pruned segment, beyond what
     * was written, or damaged reads as {@code null}: the chain ends there.
     */
    final class Reader implements Closeable {
        private final Map<Integer, @Nullable FileChannel> channels = new HashMap<>();
        private ByteBuffer buffer = ByteBuffer.allocate(2048);
        private int bodyCrc;

        /** The body CRC of the record read last (what a slot patch is bound to). */
        int bodyCrc() {
            return bodyCrc;
        }

        @Nullable
        StoredEvent read(long position) throws IOException {
            LogSegment segment = segments.get(SegmentFile.segment(position));
            long offset = SegmentFile.offset(position);
            if (segment == null || offset < SegmentFile.HEADER || offset + RecordFormat.PREFIX > segment.size) {
                return null;
            }
            FileChannel channel = channel(segment.number());
            if (channel == null) {
                return null;
            }
            buffer.clear().limit((int) Math.min(buffer.capacity(), segment.size - offset));
            SegmentFile.readFully(channel, buffer, offset);
            buffer.flip();
            int length = RecordFormat.length(buffer, 0);
            if (length < 0 || offset + length > segment.size) {
                return null;
            }
            if (length > buffer.limit()) {
                if (length > buffer.capacity()) {
                    buffer = ByteBuffer.allocate(RecordFormat.MAX_RECORD);
                }
                buffer.clear().limit(length);
                SegmentFile.readFully(channel, buffer, offset);
                buffer.flip();
            }
            bodyCrc = RecordFormat.bodyCrc(buffer, 0);
            return RecordFormat.decode(buffer, 0, position);
        }

        private @Nullable FileChannel channel(int number) throws IOException {
            if (channels.containsKey(number)) {
                return channels.get(number);
            }
            FileChannel channel;
            try {
                channel = FileChannel.open(SegmentFile.path(dir, number), StandardOpenOption.READ);
            } catch (NoSuchFileException e) {
                channel = null; // pruned meanwhile
            }
            channels.put(number, channel);
            return channel;
        }

        @Override
        public void close() throws IOException {
            for (FileChannel channel : channels.values()) {
                if (channel != null) {
                    channel.close();
                }
            }
            channels.clear();
        }
    }
}
