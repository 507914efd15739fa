package org.camalarm.push;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.camalarm.push.ReadBack.Expectation;
import org.camalarm.time.Timers;
import org.eclipse.jdt.annotation.Nullable;

/**
 * One device as a thing handler sees it: its settings, its {@link DeviceFamily}, an optional
 * {@link IntervalGate}, and the {@link PushClient} built from them. {@code send(command)} builds
 * the family's request, sends it and judges the reply by the family's rules;
 * {@code sendConfirmed(command)} then reads the device's state back ({@link #readState()}) where the
 * family can, and fails a command the device did not carry out ({@link PushResult.Reason#NOT_CONFIRMED}).
 *
 * <p>Build one per device configuration; when the configuration changes (or a trust-on-first-use
 * fingerprint is persisted), {@link #close()} it and build a new one. Thread-safe; every future
 * completes normally without blocking the caller (see {@link PushClient}).
 */
public final class PushCommandSender implements AutoCloseable {

    private final DeviceFamily family;
    private final IntervalGate gate;
    private final PushClient client;
    private final Timers timers;

    /**
     * @param settings         the device as configured; the family may complete it (e.g. the
     *                         Shelly Gen2 user {@code admin}), see {@link #settings()}
     * @param family           what the device is and its parameters
     * @param gate             the minimum interval between two pushes of the same command
     *                         ({@link IntervalGate#off()} for none)
     * @param onNewCertificate told each new certificate fingerprint of an unpinned HTTPS device
     *                         (trust on first use: persist it as the pin), see {@link PushClient}
     * @param shared           the threads and plain-HTTP clients it shares with every other device
     * @param timers           the hub's timers: a contradicting reading is read again on them
     */
    public PushCommandSender(
            DeviceSettings settings,
            DeviceFamily family,
            IntervalGate gate,
            Consumer<String> onNewCertificate,
            SharedTransport shared,
            Timers timers) {
        this.timers = Objects.requireNonNull(timers, "timers");
        this.family = Objects.requireNonNull(family, "family");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.client =
                new PushClient(family.adapt(Objects.requireNonNull(settings, "settings")), onNewCertificate, shared);
    }

    /**
     * Carries out a switch command.
     *
     * @return the outcome; {@link PushResult.Reason#INTERVAL} when the gate suppressed it
     * @throws IllegalArgumentException when the family cannot do the command
     *                                  ({@link DeviceFamily#supports})
     */
    public CompletableFuture<PushResult> send(SwitchCommand command) {
        PushRequest request = family.request(command, client.settings());
        return gated(key(command), request);
    }

    /** Sends a user-defined command, judged by the family's rules; gated by its command line. */
    public CompletableFuture<PushResult> send(GenericCommand command) {
        return gated(key(command), command.toRequest(client.settings()));
    }

    /**
     * Carries out a switch command, then reads the state back and judges it ({@link ReadBack}): a
     * command the device accepted but did not carry out fails with
     * {@link PushResult.Reason#NOT_CONFIRMED}; {@link PushResult#confirmed()} and
     * {@link PushResult#state()} say what was read. Without a state request, or when the command
     * failed, this is {@link #send(SwitchCommand)}.
     *
     * @param before the device's state before the command, when known (a TOGGLE expects its opposite)
     * @throws IllegalArgumentException when the family cannot do the command
     */
    public CompletableFuture<PushResult> sendConfirmed(SwitchCommand command, @Nullable SwitchState before) {
        long start = System.nanoTime();
        return confirm(send(command), Expectation.of(command, before, family.pulseLength()), start);
    }

    /**
     * Sends a user-defined command, then reads the state back like {@link #sendConfirmed(SwitchCommand,
     * SwitchState)}.
     *
     * @param expected the state the command leaves the device in, or {@code null} when it declares none
     */
    public CompletableFuture<PushResult> sendConfirmed(GenericCommand command, @Nullable SwitchState expected) {
        long start = System.nanoTime();
        return confirm(send(command), Expectation.of(expected), start);
    }

    /** Whether the family can read the device's state ({@link #readState()}). */
    public boolean readsState() {
        return family.readsState();
    }

    /**
     * Reads the device's switch state, not gated by the interval. Never completes exceptionally;
     * a family that cannot read it gives a failed reading.
     */
    public CompletableFuture<StateReading> readState() {
        Optional<PushRequest> request = family.stateRequest(client.settings());
        if (request.isEmpty()) {
            return CompletableFuture.completedFuture(new StateReading(
                    null,
                    PushResult.failure(PushResult.Reason.REJECTED, family.label() + " cannot report its state", 0)));
        }
        AtomicReference<@Nullable SwitchState> seen = new AtomicReference<>();
        ResponseJudge judge = (status, body) -> {
            StateReply reply = family.readState(status, body);
            seen.set(reply.state());
            return reply.verdict();
        };
        return client.send(request.get(), judge)
                .thenApply(result -> new StateReading(result.success() ? seen.get() : null, result));
    }

    private CompletableFuture<PushResult> confirm(
            CompletableFuture<PushResult> sent, Expectation expected, long startNanos) {
        return sent.thenCompose(result -> {
            if (!result.success() || !readsState()) {
                return CompletableFuture.completedFuture(result);
            }
            return readState()
                    .thenCompose(reading -> ReadBack.worthRereading(expected, reading) ? reread() : done(reading))
                    .thenApply(reading -> ReadBack.judge(
                            result, expected, reading, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos)));
        });
    }

    /** One more reading, {@link ReadBack#SETTLE} later: the timer thread only starts it (the read is asynchronous). */
    private CompletableFuture<StateReading> reread() {
        CompletableFuture<StateReading> reading = new CompletableFuture<>();
        try {
            timers.schedule(ReadBack.SETTLE, () -> readState().thenAccept(reading::complete));
        } catch (RejectedExecutionException e) { // the timers are stopping with the bundle: read now
            return readState();
        }
        return reading;
    }

    private static CompletableFuture<StateReading> done(StateReading reading) {
        return CompletableFuture.completedFuture(reading);
    }

    /** The family, e.g. for its pulse length. */
    public DeviceFamily family() {
        return family;
    }

    /** The settings in effect (after {@link DeviceFamily#adapt}). */
    public DeviceSettings settings() {
        return client.settings();
    }

    /** Closes the client: waiting pushes are refused, running ones finish. */
    @Override
    public void close() {
        client.close();
    }

    private static String key(SwitchCommand command) {
        return "switch:" + command;
    }

    private static String key(GenericCommand command) {
        return "command:" + command.line();
    }

    private CompletableFuture<PushResult> gated(String key, PushRequest request) {
        IntervalGate.Admission admission = gate.admit(key);
        if (!admission.allowed()) {
            return CompletableFuture.completedFuture(
                    PushResult.failure(PushResult.Reason.INTERVAL, admission.detail(), 0));
        }
        return client.send(request, family);
    }
}
