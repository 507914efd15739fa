package org.camalarm.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class ImageBytesTest {

    /** A body whose last 90 bytes are the picture. */
    private static byte[] body() {
        byte[] body = new byte[100];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) i;
        }
        return body;
    }

    @Test
    void aRangeReadsAsItsBytesEverywhere() throws Exception {
        byte[] body = body();
        ImageBytes image = ImageBytes.of(body, 10, 100);
        byte[] expected = java.util.Arrays.copyOfRange(body, 10, 100);

        assertEquals(90, image.length());
        assertEquals(10, image.get(0));
        assertEquals(99, image.get(89));
        assertThrows(IndexOutOfBoundsException.class, () -> image.get(90));
        assertArrayEquals(expected, image.toArray());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        image.writeTo(out);
        assertArrayEquals(expected, out.toByteArray());
        ByteBuffer copied = ByteBuffer.allocate(95).put(new byte[5]);
        image.copyTo(copied);
        assertArrayEquals(expected, java.util.Arrays.copyOfRange(copied.array(), 5, 95));
        CRC32C crc = new CRC32C();
        image.updateChecksum(crc);
        CRC32C whole = new CRC32C();
        whole.update(expected);
        assertEquals(whole.getValue(), crc.getValue());
    }

    @Test
    void equalWhenTheBytesAreWhereverTheyLie() {
        byte[] body = body();
        assertEquals(ImageBytes.of(java.util.Arrays.copyOfRange(body, 10, 100)), ImageBytes.of(body, 10, 100));
        assertNotEquals(ImageBytes.of(body, 10, 100), ImageBytes.of(body, 9, 99));
        assertEquals(
                ImageBytes.of(body, 10, 100).hashCode(),
                ImageBytes.of(body.clone(), 10, 100).hashCode());
    }

    @Test
    void aWholeArrayIsItsOwnArrayAndASmallRangeDoesNotKeepTheBody() {
        byte[] jpeg = body();
        assertSame(jpeg, ImageBytes.of(jpeg).toArray(), "no copy of what is already exact");

        byte[] body = new byte[1000];
        body[1] = 7;
        ImageBytes small = ImageBytes.of(body, 0, 10);
        body[1] = 8; // the body is reused or dropped: a small picture was copied out of it
        assertEquals(7, small.get(1));
        ImageBytes large = ImageBytes.of(body, 0, 900);
        assertEquals(8, large.get(1), "most of the body: kept in place");
        assertThrows(IndexOutOfBoundsException.class, () -> ImageBytes.of(body, 10, 1001));
        assertThrows(IndexOutOfBoundsException.class, () -> ImageBytes.of(body, 10, 9));
    }
}
