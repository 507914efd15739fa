package org.camalarm.history;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;
import org.camalarm.image.ImageBytes;

/**
 * One JPEG framed for the media log, header and bytes in one buffer ({@code u32 length | u32 check |
 * u64 event id | jpeg}), ready to hand to the kernel. The event id and the check (the JPEG's CRC32C
 * masked by the segment it goes to, {@link MediaLog#check}) are filled in when the writer stages it
 * ({@link MediaLog#stage}); everything else, the checksum included, is done by whoever frames it, off
 * the writer's lock.
 */
record MediaRecord(ByteBuffer buffer, int length, int crc) {

    /** Frames {@code jpeg} into {@code into} (cleared first; at least {@link MediaLog#RECORD_HEADER} bytes longer). */
    static MediaRecord frame(ImageBytes jpeg, ByteBuffer into) {
        CRC32C crc = new CRC32C();
        jpeg.updateChecksum(crc);
        into.clear();
        into.putInt(jpeg.length()).putInt(0).putLong(0);
        jpeg.copyTo(into);
        into.flip();
        return new MediaRecord(into, jpeg.length(), (int) crc.getValue());
    }

    /** Frames {@code jpeg} on the heap (a thumbnail, or a snapshot too large to pool; the JDK copies it to a direct buffer when written). */
    static MediaRecord onHeap(ImageBytes jpeg) {
        return frame(jpeg, ByteBuffer.allocate(MediaLog.RECORD_HEADER + jpeg.length()));
    }

    /** The record for {@code owner}, checked by {@code check}, to write: a view of its own, so the buffer's position stays. */
    ByteBuffer forOwner(long owner, int check) {
        ByteBuffer record = buffer.duplicate();
        record.putInt(4, check).putLong(8, owner);
        return record;
    }
}
