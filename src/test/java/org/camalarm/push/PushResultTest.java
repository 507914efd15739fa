package org.camalarm.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PushResultTest {

    @Test
    void bodyExcerptIsShortCleanAndWithoutSecrets() {
        String body = "line1\r\n\tline2\u0000 pw=hunter2 auth="
                + java.util.Base64.getEncoder()
                        .encodeToString("admin:hunter2".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + " " + "x".repeat(500);

        String excerpt = BodyExcerpt.of(body, "admin", "hunter2");

        assertEquals(PushResult.MAX_BODY, excerpt.length());
        assertTrue(excerpt.startsWith("line1 line2 pw=*** auth=*** xxx"), excerpt);
        assertTrue(excerpt.endsWith("…"));
        assertFalse(excerpt.chars().anyMatch(Character::isISOControl));
    }

    @Test
    void successMatchesTheReason() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new PushResult(true, PushResult.Reason.REJECTED, "x", 400, 1, "", null));
        assertThrows(
                IllegalArgumentException.class,
                () -> new PushResult(false, PushResult.Reason.OK, "x", 200, 1, "", null));
        PushResult result = new PushResult(true, PushResult.Reason.OK, "HTTP 200 OK", 200, 1, "a\nb", null);
        assertEquals("a b", result.body());
    }
}
