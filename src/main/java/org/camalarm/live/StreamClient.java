package org.camalarm.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.AsyncContext;
import javax.servlet.ServletOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open stream: where it has read up to, and whether a write to it is under way (then the
 * dispatcher leaves it out; what it missed is coalesced into its next batch).
 */
final class StreamClient {

    private static final Logger LOGGER = LoggerFactory.getLogger(StreamClient.class);
    static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);

    private final AsyncContext async;
    private final ServletOutputStream out;
    private final String remoteAddress;
    /** The highest sequence number this client was sent (or chose to skip); dispatcher thread only. */
    long cursor;

    volatile boolean writing;
    volatile boolean closed;
    /** When the last write started ({@link LiveEvents#monotonicMillis}), for keep-alives; dispatcher thread only. */
    long lastWriteMillis;

    StreamClient(AsyncContext async, ServletOutputStream out, String remoteAddress, long cursor, long now) {
        this.async = async;
        this.out = out;
        this.remoteAddress = remoteAddress;
        this.cursor = cursor;
        this.lastWriteMillis = now;
    }

    /** Writes and flushes; returns false (and closes) when the client went away. */
    boolean write(byte[] bytes) {
        if (closed) {
            return false;
        }
        try {
            out.write(bytes);
            out.flush();
            return true;
        } catch (IOException | RuntimeException e) {
            LOGGER.debug("Event stream to {} ended: {}", remoteAddress, e.getMessage());
            close();
            return false;
        }
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            async.complete();
        } catch (RuntimeException e) {
            // already completed by the container (the client left)
        }
    }
}
