package org.camalarm.push;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One device as a thing handler sees it: its settings, its {@link DeviceFamily}, an optional
 * {@link IntervalGate}, and the {@link PushClient} built from them. {@code send(command)} builds
 * the family's request, sends it and judges the reply by the family's rules.
 *
 * <p>Build one per device configuration; when the configuration changes (or a trust-on-first-use
 * fingerprint is persisted), {@link #close()} it and build a new one. Thread-safe; every future
 * completes normally without blocking the caller (see {@link PushClient}).
 */
public final class PushCommandSender implements AutoCloseable {

    private final DeviceFamily family;
    private final IntervalGate gate;
    private final PushClient client;

    /** A sender without minimum interval and without certificate listener. */
    public PushCommandSender(DeviceSettings settings, DeviceFamily family) {
        this(settings, family, IntervalGate.off(), fingerprint -> {});
    }

    /**
     * @param settings         the device as configured; the family may complete it (e.g. the
     *                         Shelly Gen2 user {@code admin}), see {@link #settings()}
     * @param family           what the device is and its parameters
     * @param gate             the minimum interval between two pushes of the same command
     *                         ({@link IntervalGate#off()} for none)
     * @param onNewCertificate told each new certificate fingerprint of an unpinned HTTPS device
     *                         (trust on first use: persist it as the pin), see {@link PushClient}
     */
    public PushCommandSender(
            DeviceSettings settings, DeviceFamily family, IntervalGate gate, Consumer<String> onNewCertificate) {
        this.family = Objects.requireNonNull(family, "family");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.client = new PushClient(family.adapt(Objects.requireNonNull(settings, "settings")), onNewCertificate);
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
