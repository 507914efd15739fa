package org.camalarm.history;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The newest record of every chain key ({@link Chain#key}): what a query starts from. Only these
 * heads are kept in memory, one per thing, type, kind and thing-and-type, however many events are
 * stored. At most {@value #MAX_KEYS} keys: the key written longest ago makes room (a flood of
 * invented senders cannot grow memory; that sender's older events stay reachable by type and kind).
 *
 * <p>Written by the writer thread only, after the records they point to are written; read by any
 * thread. Saved beside each sealed segment ({@code NNNNNNNN.heads}), so a start reads the last
 * saved heads and scans only the segment written since.
 */
final class ChainHeads {

    static final int MAX_KEYS = 100_000;
    private static final String MAGIC = "CAMHEAD1";

    private final Map<String, Long> heads = new ConcurrentHashMap<>();
    /** Keys by last write, oldest first; writer thread only. */
    private final LinkedHashMap<String, Boolean> recency = new LinkedHashMap<>(64, 0.75f, true);

    private volatile long lastId;

    /** The newest record of {@code key}, or 0. */
    long head(String key) {
        Long head = heads.get(key);
        return head == null ? 0 : head;
    }

    long lastId() {
        return lastId;
    }

    /** Publishes a batch's new heads (writer thread, after the batch is written). */
    void publish(Map<String, Long> batch, long newLastId) {
        batch.forEach((key, position) -> {
            heads.put(key, position);
            recency.put(key, Boolean.TRUE);
        });
        while (recency.size() > MAX_KEYS) {
            String eldest = recency.keySet().iterator().next();
            recency.remove(eldest);
            heads.remove(eldest);
        }
        lastId = Math.max(lastId, newLastId);
    }

    /** The heads as of now, to be saved beside a sealed segment. */
    Map<String, Long> snapshot() {
        return new HashMap<>(heads);
    }

    /** Writes heads to {@code file} (through a temporary file and a rename: never half written). */
    static void save(Path file, Map<String, Long> heads, long lastId) throws IOException {
        int size = 8 + 8 + 4 + 4;
        Map<byte[], Long> encoded = new LinkedHashMap<>();
        for (Map.Entry<String, Long> head : heads.entrySet()) {
            byte[] key = head.getKey().getBytes(StandardCharsets.UTF_8);
            encoded.put(key, head.getValue());
            size += 2 + key.length + 8;
        }
        ByteBuffer buffer = ByteBuffer.allocate(size);
        buffer.put(MAGIC.getBytes(StandardCharsets.US_ASCII)).putLong(lastId).putInt(encoded.size());
        encoded.forEach(
                (key, position) -> buffer.putShort((short) key.length).put(key).putLong(position));
        buffer.putInt(SegmentFile.crc(buffer.array(), 0, buffer.position()));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, buffer.array());
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Heads saved by {@link #save}, or {@code null} when the file is missing or damaged. */
    static @Nullable Saved load(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            ByteBuffer in = ByteBuffer.wrap(bytes);
            if (bytes.length < 24
                    || !MAGIC.equals(new String(bytes, 0, 8, StandardCharsets.US_ASCII))
                    || in.getInt(bytes.length - 4) != SegmentFile.crc(bytes, 0, bytes.length - 4)) {
                return null;
            }
            in.position(8);
            long lastId = in.getLong();
            int count = in.getInt();
            Map<String, Long> heads = new HashMap<>();
            for (int i = 0; i < count; i++) {
                int length = in.getShort() & 0xFFFF;
                String key = new String(bytes, in.position(), length, StandardCharsets.UTF_8);
                in.position(in.position() + length);
                heads.put(key, in.getLong());
            }
            return new Saved(heads, lastId);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    record Saved(Map<String, Long> heads, long lastId) {}

    /** Starts from saved heads (at open, before any reader). */
    void restore(Saved saved) {
        publish(saved.heads(), saved.lastId());
    }
}
