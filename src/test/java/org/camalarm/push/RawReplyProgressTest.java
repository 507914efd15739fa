package org.camalarm.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a raw reply is whole, told while it arrives a few bytes at a time. */
class RawReplyProgressTest {

    private static final TwoNWebRelay RELAY = new TwoNWebRelay(1, null);

    /** For each prefix of the reply, read in steps of {@code step} bytes: whether it was whole then. */
    private static List<Boolean> wholeAfterEachRead(String reply, int step) {
        byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
        RawReply.Progress progress = new RawReply.Progress(RELAY);
        List<Boolean> verdicts = new ArrayList<>();
        for (int length = Math.min(step, bytes.length); ; length = Math.min(length + step, bytes.length)) {
            verdicts.add(progress.isWhole(bytes, length));
            if (length == bytes.length) {
                return verdicts;
            }
        }
    }

    @Test
    void aReplyWithContentLengthIsWholeExactlyWhenItsBodyIsThere() {
        String reply = "HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 12\r\n\r\n<ok>1</ok>\r\n";

        List<Boolean> verdicts = wholeAfterEachRead(reply, 1);

        assertTrue(verdicts.get(verdicts.size() - 1), "whole once the 12th body byte came");
        assertFalse(verdicts.subList(0, verdicts.size() - 1).contains(true), "not a byte earlier");
    }

    @Test
    void aHeadSplitAcrossReadsAtItsBlankLineIsFound() {
        String reply = "HTTP/1.0 200 OK\nContent-Length: 2\n\nok";

        for (int step = 1; step <= 7; step++) {
            List<Boolean> verdicts = wholeAfterEachRead(reply, step);
            assertEquals(true, verdicts.get(verdicts.size() - 1), "step " + step);
        }
    }

    @Test
    void aReplyWithoutLengthIsWholeOnlyWhenTheDeviceCloses() {
        assertFalse(wholeAfterEachRead("HTTP/1.1 200 OK\r\n\r\nbody", 3).contains(true));
    }

    @Test
    void aHeadlessReplyIsJudgedByItsEndEvenWhenLong() {
        String document = "<datavalues>" + "<x>1</x>".repeat(2000) + "<relaystate>1</relaystate></datavalues>\r\n";

        List<Boolean> verdicts = wholeAfterEachRead(document, 100);

        assertTrue(verdicts.get(verdicts.size() - 1));
        assertFalse(verdicts.subList(0, verdicts.size() - 1).contains(true));
    }
}
