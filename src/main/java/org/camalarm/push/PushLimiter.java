package org.camalarm.push;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Bounds the pushes in flight to one device: at most {@code maxInFlight} run at once, up to
 * {@code queueCapacity} more wait in arrival order, and beyond that a push is refused at once
 * with {@link PushResult.Reason#OVERLOADED}. Never blocks a thread: a waiting push starts on the
 * thread that completes the one before it. Thread-safe.
 */
final class PushLimiter {

    /** A push waiting for a slot, and how to refuse it. */
    private record Waiting(
            Supplier<CompletableFuture<PushResult>> task,
            CompletableFuture<PushResult> result,
            Function<String, PushResult> refusal) {}

    /** The refusal sentence of a closed limiter. */
    static final String CLOSED = "closed";

    private final int maxInFlight;
    private final int queueCapacity;
    private final Queue<Waiting> waiting = new ArrayDeque<>();
    private int inFlight;
    private boolean closed;

    PushLimiter(int maxInFlight, int queueCapacity) {
        this.maxInFlight = maxInFlight;
        this.queueCapacity = queueCapacity;
    }

    /**
     * Runs the task now if a slot is free, later if the queue has room, otherwise completes with
     * {@code refusal}. The task must return a future that always completes.
     *
     * @param refusal what to complete with when the queue is full ({@code "too many pushes queued
     *                for this device (64)"}) or the limiter closed ({@link #CLOSED}): gets the
     *                sentence saying why
     */
    CompletableFuture<PushResult> submit(
            Supplier<CompletableFuture<PushResult>> task, Function<String, PushResult> refusal) {
        CompletableFuture<PushResult> result = new CompletableFuture<>();
        String refused = null;
        boolean runNow = false;
        synchronized (this) {
            if (closed) {
                refused = CLOSED;
            } else if (inFlight < maxInFlight) {
                inFlight++;
                runNow = true;
            } else if (waiting.size() < queueCapacity) {
                waiting.add(new Waiting(task, result, refusal));
            } else {
                refused = "too many pushes queued for this device (" + queueCapacity + ")";
            }
        }
        if (refused != null) {
            result.complete(refusal.apply(refused));
        } else if (runNow) {
            run(new Waiting(task, result, refusal));
        }
        return result;
    }

    /** Refuses every waiting push and every later one with {@link #CLOSED}; running ones finish. */
    void close() {
        List<Waiting> dropped;
        synchronized (this) {
            closed = true;
            dropped = new ArrayList<>(waiting);
            waiting.clear();
        }
        dropped.forEach(w -> w.result().complete(w.refusal().apply(CLOSED)));
    }

    /** Pushes running now. */
    synchronized int inFlight() {
        return inFlight;
    }

    private void run(Waiting push) {
        CompletableFuture<PushResult> started;
        try {
            started = push.task().get();
        } catch (RuntimeException e) {
            started = CompletableFuture.failedFuture(e);
        }
        started.whenComplete((result, error) -> {
            release();
            if (error != null) {
                push.result().completeExceptionally(error);
            } else {
                push.result().complete(result);
            }
        });
    }

    private void release() {
        Waiting next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                inFlight--;
                return;
            }
        }
        run(next);
    }
}
