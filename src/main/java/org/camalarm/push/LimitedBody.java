package org.camalarm.push;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.ResponseInfo;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.eclipse.jdt.annotation.NonNull;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Reads a reply body as text, keeping at most a fixed number of bytes: a device that streams
 * without end cannot fill the memory. Past the limit the subscription is cancelled (the
 * connection is then closed, not reused) and the text read so far is the body. The charset
 * comes from the {@code Content-Type}, UTF-8 when none is named or it is unknown.
 */
final class LimitedBody implements BodyHandler<String> {

    private final int maxBytes;

    LimitedBody(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @NonNullByDefault({}) // the JDK interface says nothing of nullness
    @Override
    public BodySubscriber<@NonNull String> apply(ResponseInfo info) {
        Optional<String> contentType = info.headers().firstValue("Content-Type");
        return new Subscriber(maxBytes, charset(contentType.isPresent() ? contentType.get() : ""));
    }

    static Charset charset(String contentType) {
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                String name = p.substring("charset=".length()).replace("\"", "").strip();
                try {
                    return Charset.forName(name);
                } catch (IllegalArgumentException e) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static final class Subscriber implements BodySubscriber<String> {
        private final int maxBytes;
        private final Charset charset;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<String> result = new CompletableFuture<>();
        private Flow.@Nullable Subscription subscription;

        Subscriber(int maxBytes, Charset charset) {
            this.maxBytes = maxBytes;
            this.charset = charset;
        }

        @Override
        public CompletionStage<String> getBody() {
            return result;
        }

        @NonNullByDefault({}) // the JDK interface says nothing of nullness
        @Override
        public void onSubscribe(Flow.Subscription newSubscription) {
            subscription = newSubscription;
            newSubscription.request(Long.MAX_VALUE);
        }

        @NonNullByDefault({}) // the JDK interface says nothing of nullness
        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                int take = Math.min(buffer.remaining(), maxBytes - bytes.size());
                byte[] chunk = new byte[take];
                buffer.get(chunk);
                bytes.write(chunk, 0, take);
                Flow.Subscription current = subscription;
                if (buffer.hasRemaining() && current != null) {
                    current.cancel();
                    onComplete();
                    return;
                }
            }
        }

        @NonNullByDefault({}) // the JDK interface says nothing of nullness
        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toString(charset));
        }
    }
}
