package org.camalarm.history;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The bytes of one event record. A record is framed so that a torn or damaged one is recognised:
 *
 * <pre>
 * u32 bodyLength | u32 crc32c(body) | slot (40 bytes, patched in place) | body
 * slot = u64 end | u64 lastImage.position | u32 lastImage.length | u64 thumbnail.position
 *        | u32 thumbnail.length | u16 snapshots | u16 flags | u32 crc32c(bodyCrc, slot[0..36))
 * body = u8 version | u64 id | u64 previous[5] (one per {@link Chain}) | u8 kind | u8 action
 *        | u64 time | u64 received | u64 image.position | u32 image.length
 *        | str thing | str type | str channel | str address | str data | u8 n | n × (str key, str value)
 * str  = u16 length | UTF-8 bytes
 * </pre>
 *
 * A slot whose CRC does not match (a patch torn by a power cut) reads as the slot the record was
 * written with. All buffers are heap buffers read and written at absolute indexes.
 */
final class RecordFormat {

    static final int HEADER = 8;
    static final int SLOT = 40;
    private static final int SLOT_DATA = 36;
    /** Header and slot: the body starts here. */
    static final int PREFIX = HEADER + SLOT;
    /** Larger than any body {@link #encode} writes: a length beyond it is damage. */
    static final int MAX_BODY = 16 * 1024;
    /** The longest record: what a buffer must have room for before {@link #encode}. */
    static final int MAX_RECORD = PREFIX + MAX_BODY;
    /** Bytes of an event's data kept (UTF-8); longer data is cut. */
    static final int MAX_DATA = 4096;

    private static final byte VERSION = 1;
    private static final int FIXED_BODY = 1 + 8 + 8 * 5 + 2 + 16 + 12;
    private static final int MAX_PROPS = 16;
    private static final int FLAG_DELETED = 1;

    private RecordFormat() {}

    /** Writes a record at {@code out}'s position and moves past it. */
    static void encode(
            ByteBuffer out, long id, long[] previous, NewEvent event, @Nullable MediaRef image, EventSlot slot) {
        int start = out.position();
        out.position(start + PREFIX);
        out.put(VERSION).putLong(id);
        for (long p : previous) {
            out.putLong(p);
        }
        out.put((byte) event.kind().ordinal()).put((byte) event.action().ordinal());
        out.putLong(event.time()).putLong(event.received());
        out.putLong(image == null ? 0 : image.position()).putInt(image == null ? 0 : image.length());
        putString(out, event.thing(), 256);
        putString(out, event.type(), 128);
        putString(out, event.channel(), 128);
        putString(out, event.address(), 64);
        putString(out, event.data(), MAX_DATA);
        int count = Math.min(event.props().size(), MAX_PROPS);
        out.put((byte) count);
        for (Map.Entry<String, String> prop : event.props().entrySet()) {
            if (count-- == 0) {
                break;
            }
            putString(out, prop.getKey(), 64);
            putString(out, prop.getValue(), 512);
        }
        int bodyLength = out.position() - start - PREFIX;
        int crc = crc(out.array(), out.arrayOffset() + start + PREFIX, bodyLength);
        out.putInt(start, bodyLength).putInt(start + 4, crc);
        writeSlot(out, start + HEADER, slot, crc);
    }

    /** The record length the header at {@code start} announces, or -1 when it cannot be a record. */
    static int length(ByteBuffer in, int start) {
        if (in.limit() - start < HEADER) {
            return -1;
        }
        int bodyLength = in.getInt(start);
        return bodyLength < FIXED_BODY + 11 || bodyLength > MAX_BODY ? -1 : PREFIX + bodyLength;
    }

    /**
     * The record at {@code start} (its whole {@link #length} must be in {@code in}), or {@code null}
     * when its body does not match its CRC or is not a record of this version.
     */
    static @Nullable StoredEvent decode(ByteBuffer in, int start, long position) {
        int length = length(in, start);
        if (length < 0 || in.limit() - start < length) {
            return null;
        }
        int bodyLength = length - PREFIX;
        int crc = in.getInt(start + 4);
        if (crc(in.array(), in.arrayOffset() + start + PREFIX, bodyLength) != crc) {
            return null;
        }
        ByteBuffer body = in.duplicate().position(start + PREFIX).limit(start + length);
        try {
            return decodeBody(in, start, body, crc, position);
        } catch (RuntimeException e) {
            return null; // a body that matches its CRC but not the format: written by another version
        }
    }

    private static @Nullable StoredEvent decodeBody(ByteBuffer in, int start, ByteBuffer body, int crc, long position) {
        if (body.get() != VERSION) {
            return null;
        }
        long id = body.getLong();
        long[] previous = new long[Chain.values().length];
        for (int i = 0; i < previous.length; i++) {
            previous[i] = body.getLong();
        }
        EventKind kind = EventKind.of(body.get());
        EventAction action = EventAction.of(body.get());
        long time = body.getLong();
        long received = body.getLong();
        MediaRef image = ref(body.getLong(), body.getInt());
        String thing = getString(body);
        String type = getString(body);
        String channel = getString(body);
        String address = getString(body);
        String data = getString(body);
        int count = body.get() & 0xFF;
        Map<String, String> props = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            props.put(getString(body), getString(body));
        }
        EventSlot slot = readSlot(in, start + HEADER, crc);
        if (slot == null) {
            slot = EventSlot.initial(received, image);
        }
        return new StoredEvent(
                id, position, kind, thing, type, channel, action, time, received, address, data, props, image, slot,
                previous);
    }

    /** The slot's 40 bytes, to patch at the record's position plus {@link #HEADER}. */
    static ByteBuffer slot(EventSlot slot, int bodyCrc) {
        ByteBuffer buffer = ByteBuffer.allocate(SLOT);
        writeSlot(buffer, 0, slot, bodyCrc);
        return buffer;
    }

    /** The CRC of a stored record's body (what its slot's CRC is bound to). */
    static int bodyCrc(ByteBuffer in, int start) {
        return in.getInt(start + 4);
    }

    /** Writes a slot into a record at {@code at} (the record's start plus {@link #HEADER}). */
    static void writeSlot(ByteBuffer out, int at, EventSlot slot, int bodyCrc) {
        MediaRef last = slot.lastImage();
        MediaRef thumbnail = slot.thumbnail();
        out.putLong(at, slot.end());
        out.putLong(at + 8, last == null ? 0 : last.position()).putInt(at + 16, last == null ? 0 : last.length());
        out.putLong(at + 20, thumbnail == null ? 0 : thumbnail.position());
        out.putInt(at + 28, thumbnail == null ? 0 : thumbnail.length());
        out.putShort(at + 32, (short) slot.snapshots()).putShort(at + 34, (short) (slot.deleted() ? FLAG_DELETED : 0));
        out.putInt(at + SLOT_DATA, slotCrc(out, at, bodyCrc));
    }

    private static @Nullable EventSlot readSlot(ByteBuffer in, int at, int bodyCrc) {
        if (in.getInt(at + SLOT_DATA) != slotCrc(in, at, bodyCrc)) {
            return null;
        }
        return new EventSlot(
                in.getLong(at),
                ref(in.getLong(at + 8), in.getInt(at + 16)),
                ref(in.getLong(at + 20), in.getInt(at + 28)),
                in.getShort(at + 32) & 0xFFFF,
                (in.getShort(at + 34) & FLAG_DELETED) != 0);
    }

    private static int slotCrc(ByteBuffer buffer, int at, int bodyCrc) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(4).putInt(0, bodyCrc));
        crc.update(buffer.array(), buffer.arrayOffset() + at, SLOT_DATA);
        return (int) crc.getValue();
    }

    private static @Nullable MediaRef ref(long position, int length) {
        return position == 0 ? null : new MediaRef(position, length);
    }

    private static int crc(byte[] bytes, int offset, int length) {
        return SegmentFile.crc(bytes, offset, length);
    }

    private static void putString(ByteBuffer out, String text, int maxBytes) {
        byte[] bytes = Utf8.bounded(text, maxBytes);
        out.putShort((short) bytes.length).put(bytes);
    }

    private static String getString(ByteBuffer in) {
        int length = in.getShort() & 0xFFFF;
        String text = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return text;
    }
}
