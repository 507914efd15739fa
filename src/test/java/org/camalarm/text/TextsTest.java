package org.camalarm.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Quoting what cameras and configuration files wrote into messages and log lines. */
class TextsTest {

    @Test
    void controlCharactersCannotForgeALogLine() {
        assertEquals("\"a?b?c\"", Texts.quoted("a\nb\u001bc", 40));
    }

    @Test
    void longTextIsCutWithAnEllipsis() {
        assertEquals("\"" + "x".repeat(40) + "…\"", Texts.quoted("x".repeat(41), 40));
        assertEquals("x".repeat(64) + "…", Texts.shortened("x".repeat(100)));
        assertEquals("short", Texts.shortened("short"));
    }

    @Test
    void nullIsSaidAsNull() {
        assertEquals("null", Texts.quoted(null));
        assertEquals("null", Texts.shortened(null));
    }
}
