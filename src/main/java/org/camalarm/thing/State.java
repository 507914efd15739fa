package org.camalarm.thing;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import org.camalarm.image.ImageBytes;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A channel's state in openHAB's text form ({@code ON}, {@code OFF}, ISO-8601 date-times, {@code NULL}).
 * An image state also carries its bytes; its text is a short summary, never the bytes.
 */
public final class State {

    /** No value yet, as openHAB shows a channel that was never updated. */
    public static final State NULL = new State("NULL", null, null);

    public static final State ON = new State("ON", null, null);
    public static final State OFF = new State("OFF", null, null);

    /** ISO-8601 with milliseconds and offset, e.g. {@code 2026-10-05T16:25:31.000+02:00}. */
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");

    private final String text;
    private final @Nullable ImageBytes raw;
    private final @Nullable String mimeType;

    private State(String text, @Nullable ImageBytes raw, @Nullable String mimeType) {
        this.text = text;
        this.raw = raw;
        this.mimeType = mimeType;
    }

    public static State onOff(boolean on) {
        return on ? ON : OFF;
    }

    public static State string(String value) {
        return new State(Objects.requireNonNull(value), null, null);
    }

    public static State number(long value) {
        return new State(Long.toString(value), null, null);
    }

    public static State dateTime(ZonedDateTime value) {
        return new State(DATE_TIME.format(value), null, null);
    }

    /** An image; its bytes are kept as given, not copied. */
    public static State image(ImageBytes bytes, String mimeType) {
        return new State(mimeType + ", " + bytes.length() + " bytes", bytes, mimeType);
    }

    /** An image; the array is kept as given (callers hand over ownership). */
    public static State image(byte[] bytes, String mimeType) {
        return image(ImageBytes.of(bytes), mimeType);
    }

    /** openHAB's text form of this state. */
    public String text() {
        return text;
    }

    /** The image bytes, or {@code null} when this is not an image. */
    public @Nullable ImageBytes raw() {
        return raw;
    }

    public @Nullable String mimeType() {
        return mimeType;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof State s && text.equals(s.text) && Objects.equals(raw, s.raw);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
