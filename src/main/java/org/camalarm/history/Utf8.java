package org.camalarm.history;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** UTF-8 cut to a number of bytes without splitting a character. */
final class Utf8 {

    private Utf8() {}

    static byte[] bounded(String text, int maxBytes) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) {
            return bytes;
        }
        int end = maxBytes;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--; // bytes[end] continues a character: cut before the character starts
        }
        return Arrays.copyOf(bytes, end);
    }
}
