package org.camalarm.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.servlet.AsyncContext;
import javax.servlet.AsyncEvent;
import javax.servlet.AsyncListener;
import javax.servlet.ReadListener;
import javax.servlet.ServletInputStream;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a small request body without holding a server thread while its bytes are on the way (a
 * servlet's blocking read holds one until the body is in; a sender dribbling bodies on many
 * connections could take every thread of the HTTP server). The servlet must be registered with
 * async support. Answers 413 for a body over the limit, 400 for one that broke off, 408 for one that
 * did not come within the timeout; else hands the body to {@code then} on a server thread, whose
 * answer ends the exchange.
 */
@NonNullByDefault({}) // the servlet API says nothing of nullness
public final class AsyncBody {

    /** What to do with a whole body: write the answer. */
    @FunctionalInterface
    public interface Then {
        void accept(byte[] body) throws IOException;
    }

    /** Writing one answer. */
    @FunctionalInterface
    private interface Answer {
        void write() throws IOException;
    }

    private static final Logger LOGGER = LoggerFactory.getLogger(AsyncBody.class);

    private AsyncBody() {}

    public static void read(
            HttpServletRequest request, HttpServletResponse response, int maxBytes, long timeoutMs, Then then)
            throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            HttpAnswers.error(response, 413, "too_large", "the body is larger than " + maxBytes + " bytes");
            return;
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(timeoutMs);
        AtomicBoolean done = new AtomicBoolean();
        ServletInputStream in = request.getInputStream();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String sender = String.valueOf(request.getRemoteAddr());
        async.addListener(new AsyncListener() {
            @Override
            public void onTimeout(AsyncEvent event) {
                finish(
                        async,
                        done,
                        () -> HttpAnswers.incompleteBody(
                                response, new IOException("timed out", new TimeoutException())));
                LOGGER.debug("The body from {} did not come within {} ms", sender, timeoutMs);
            }

            @Override
            public void onComplete(AsyncEvent event) {}

            @Override
            public void onError(AsyncEvent event) {}

            @Override
            public void onStartAsync(AsyncEvent event) {}
        });
        in.setReadListener(new ReadListener() {
            private final byte[] chunk = new byte[1024];

            @Override
            public void onDataAvailable() throws IOException {
                while (in.isReady() && !in.isFinished()) {
                    int n = in.read(chunk);
                    if (n < 0) {
                        return;
                    }
                    body.write(chunk, 0, n);
                    if (body.size() > maxBytes) {
                        finish(
                                async,
                                done,
                                () -> HttpAnswers.error(
                                        response, 413, "too_large", "the body is larger than " + maxBytes + " bytes"));
                        return;
                    }
                }
            }

            @Override
            public void onAllDataRead() {
                finish(async, done, () -> then.accept(body.toByteArray()));
            }

            @Override
            public void onError(Throwable failure) {
                LOGGER.debug("The body from {} broke off: {}", sender, failure.toString());
                finish(
                        async,
                        done,
                        () -> HttpAnswers.incompleteBody(
                                response, failure instanceof IOException io ? io : new IOException(failure)));
            }
        });
    }

    /** Writes the one answer (the first of the callbacks to get here) and ends the exchange. */
    private static void finish(AsyncContext async, AtomicBoolean done, Answer answer) {
        if (!done.compareAndSet(false, true)) {
            return;
        }
        try {
            answer.write();
        } catch (IOException | RuntimeException e) {
            LOGGER.debug("An answer could not be written: {}", e.toString());
        } finally {
            async.complete();
        }
    }
}
