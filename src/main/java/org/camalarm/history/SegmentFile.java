package org.camalarm.history;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.eclipse.jdt.annotation.Nullable;

/**
 * What the event and media logs share: segment files named {@code 00000001.seg}, {@code 00000002.seg}
 * (numbers only grow), a 40-byte header with its own CRC, and positions that say segment and offset
 * in one long (segment in the high 32 bits). Position 0 is "none": segments start at 1.
 */
final class SegmentFile {

    static final int HEADER = 40;
    static final String SUFFIX = ".seg";

    /**
     * A segment's header.
     *
     * @param created    when the segment was started (epoch ms), which is when its predecessor was sealed:
     *                   pruning by age and by size goes by it
     * @param mediaStart event segments: the media log's end when this segment started, so every
     *                   snapshot an event of it refers to lies at or after it
     */
    record Header(int number, long created, long mediaStart) {}

    private SegmentFile() {}

    static long position(int segment, long offset) {
        return ((long) segment << 32) | offset;
    }

    static int segment(long position) {
        return (int) (position >>> 32);
    }

    static long offset(long position) {
        return position & 0xFFFFFFFFL;
    }

    static Path path(Path dir, int number) {
        return dir.resolve(String.format("%08d", number) + SUFFIX);
    }

    /** The segment numbers in {@code dir}, ascending. */
    static List<Integer> list(Path dir) throws IOException {
        List<Integer> numbers = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.length() == 8 + SUFFIX.length() && name.endsWith(SUFFIX)) {
                    try {
                        numbers.add(Integer.parseInt(name.substring(0, 8)));
                    } catch (NumberFormatException e) {
                        // not ours
                    }
                }
            }
        }
        java.util.Collections.sort(numbers);
        return numbers;
    }

    /**
     * Creates segment {@code header.number()} in {@code dir} with its header written, open for
     * reading and appending; on failure (a full disk) nothing of it stays, not even its channel.
     */
    static FileChannel create(Path dir, String magic, Header header) throws IOException {
        Path file = path(dir, header.number());
        FileChannel channel = FileChannel.open(
                file,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            writeFully(channel, header(magic, header), 0);
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(file);
            throw e;
        }
    }

    static ByteBuffer header(String magic, Header header) {
        ByteBuffer buffer = ByteBuffer.allocate(HEADER);
        buffer.put(magic.getBytes(StandardCharsets.US_ASCII), 0, 8);
        buffer.putInt(header.number()).putLong(header.created()).putLong(header.mediaStart());
        buffer.position(HEADER - 4);
        buffer.putInt(crc(buffer.array(), 0, HEADER - 4));
        return buffer.flip();
    }

    /** The header of an open segment file, or {@code null} when it is missing or damaged. */
    static @Nullable Header readHeader(FileChannel channel, String magic) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(HEADER);
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
            // read on
        }
        if (buffer.hasRemaining()
                || !magic.equals(new String(buffer.array(), 0, 8, StandardCharsets.US_ASCII))
                || buffer.getInt(HEADER - 4) != crc(buffer.array(), 0, HEADER - 4)) {
            return null;
        }
        return new Header(buffer.getInt(8), buffer.getLong(12), buffer.getLong(20));
    }

    static int crc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    /** Reads until {@code buffer} is full or the file ends; returns the bytes read. */
    static int readFully(FileChannel channel, ByteBuffer buffer, long offset) throws IOException {
        int total = 0;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, offset + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    /** Writes all of {@code buffer} at {@code offset}. */
    static void writeFully(FileChannel channel, ByteBuffer buffer, long offset) throws IOException {
        long at = offset;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
    }
}
