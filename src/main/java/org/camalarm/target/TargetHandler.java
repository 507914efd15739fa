package org.camalarm.target;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.camalarm.push.DeviceFamily;
import org.camalarm.push.DeviceSettings;
import org.camalarm.push.IntervalGate;
import org.camalarm.push.PushCommandSender;
import org.camalarm.push.PushResult;
import org.camalarm.push.PushResult.Reason;
import org.camalarm.push.SharedTransport;
import org.camalarm.push.StateReading;
import org.camalarm.push.SwitchCommand;
import org.camalarm.push.SwitchState;
import org.camalarm.thing.State;
import org.camalarm.thing.Thing;
import org.camalarm.thing.ThingStatusInfo;
import org.camalarm.thing.ThingStatusInfo.Detail;
import org.camalarm.time.Timers;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one push-target device: turns channel commands into pushes, and push outcomes into the
 * thing's {@code lastResult}, {@code lastPush}, {@code lastResponseCode} channels and its status
 * (ONLINE after a success, OFFLINE/COMMUNICATION_ERROR with the reason after a failure).
 *
 * <p>The device's state, where its family can read it, is read back after every command (which
 * fails NOT_CONFIRMED when the device did not carry it out) and every refresh interval
 * ({@link StatePoller}); {@code power} shows what the device reports, and a device that stops
 * answering goes OFFLINE with the reason, ONLINE again once it answers. A reading that was sent
 * before a command ended is not shown: it may predate the command. Command results are recorded in
 * one place, {@link #record}; readings in {@link #observe}.
 *
 * <p>Two senders share the device settings: one gated by the minimum {@code interval} (commands
 * from rules, REST, the command topic) and one for tests, which ignore the interval. Both are
 * built on first use, after the family is known, and rebuilt once a certificate is pinned.
 */
final class TargetHandler implements PushTargetHandler {

    private static final Logger LOGGER = LoggerFactory.getLogger(TargetHandler.class);

    /** Pulse length assumed when the device keeps its own preset (2N web relays: 1.5 s by default). */
    static final Duration PRESET_PULSE = Duration.ofSeconds(2);
    /** Margin after a pulse's end before reading the state again. */
    static final Duration AFTER_PULSE = Duration.ofMillis(500);

    private final Thing thing;
    private final TargetPlan plan;
    /** One gate for the thing's life: rebuilding a sender (a learned pin) must not forget recent pushes. */
    private final IntervalGate gate;

    private final Timers timers;
    private final PinStore pins;
    private final SharedTransport transport;
    private final TargetActions actions;
    private final @Nullable StatePoller poller;
    /** {@link System#nanoTime()} when the latest command's result was recorded. */
    private volatile long lastCommandDone = System.nanoTime();

    private volatile boolean disposed;
    private final PushListener listener;
    private DeviceSettings settings;
    private @Nullable CompletableFuture<DeviceFamily> family;
    private @Nullable CompletableFuture<PushCommandSender> gated;
    private @Nullable CompletableFuture<PushCommandSender> ungated;
    private volatile boolean pinLearned;

    /** Why the family is unknown: the outcome of asking the device. */
    private static final class FamilyUnknown extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient PushResult result;

        FamilyUnknown(PushResult result) {
            super(result.detail(), null, false, false);
            this.result = result;
        }
    }

    /**
     * @param interval  the minimum interval between two pushes of a command, or {@code null} for none
     * @param refresh   how often to read the device's state, or {@code null} for never (only after commands)
     * @param transport the threads and HTTP clients the device's pushes share with the others
     */
    TargetHandler(
            Thing thing,
            DeviceSettings settings,
            TargetPlan plan,
            @Nullable Duration interval,
            @Nullable Duration refresh,
            Timers timers,
            PinStore pins,
            SharedTransport transport,
            PushListener listener) {
        this.thing = thing;
        this.settings = settings;
        this.plan = plan;
        this.gate = interval != null ? new IntervalGate(interval, timers.clock()) : IntervalGate.off();
        this.timers = timers;
        this.pins = pins;
        this.transport = transport;
        this.listener = listener;
        this.actions = new TargetActions(thing, plan);
        this.poller = refresh != null && plan.readsState() ? new StatePoller(timers, refresh, this::refresh) : null;
    }

    /** Starts reading the device's state every refresh interval (when configured and the family can). */
    void startPolling() {
        StatePoller started = poller;
        if (started != null) {
            started.start();
        }
    }

    @Override
    public Thing thing() {
        return thing;
    }

    @Override
    public CompletableFuture<PushResult> command(String channelId, String command) {
        return push(channelId, actions.of(channelId, command), true);
    }

    @Override
    public @Nullable String refusal(String channelId, String command) {
        try {
            actions.of(channelId, command);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Override
    public CompletableFuture<PushResult> test(@Nullable String command) {
        String channel = actions.testChannel(command);
        return push(channel, actions.test(channel, command), false);
    }

    private CompletableFuture<PushResult> push(String channelId, TargetActions.Action action, boolean useInterval) {
        return sender(useInterval)
                .thenCompose(sender -> send(sender, action))
                .exceptionally(TargetHandler::unknownFamily)
                .thenApply(result -> record(channelId, action, result))
                .whenComplete((@Nullable PushResult result, @Nullable Throwable e) -> {
                    if (result != null) {
                        listener.pushed(thing.uid(), channelId, commandName(channelId, action), !useInterval, result);
                    }
                });
    }

    private static String commandName(String channelId, TargetActions.Action action) {
        return action instanceof TargetActions.SwitchAction switched
                ? switched.command().name()
                : channelId;
    }

    /** The command, confirmed by the state read back where the family can read it. */
    private CompletableFuture<PushResult> send(PushCommandSender sender, TargetActions.Action action) {
        if (action instanceof TargetActions.RequestAction request) {
            return sender.sendConfirmed(request.request(), plan.namedStates().get(request.name()));
        }
        SwitchCommand command = ((TargetActions.SwitchAction) action).command();
        CompletableFuture<PushResult> sent = sender.sendConfirmed(command, knownState());
        if (command == SwitchCommand.PULSE) {
            sent.thenAccept(result -> readAfterPulse(result, sender.family().pulseLength()));
        }
        return sent;
    }

    /** A pulse ends by itself: read the state once it should be over, so power shows the device OFF again. */
    private void readAfterPulse(PushResult result, Optional<Duration> pulseLength) {
        if (result.state() == SwitchState.ON) {
            Duration pulse = pulseLength.isPresent() ? pulseLength.get() : PRESET_PULSE;
            timers.schedule(pulse.plus(AFTER_PULSE), this::refresh);
        }
    }

    /**
     * Reads the device's state once and shows it: status, and {@code power}. Completes when done,
     * never exceptionally.
     */
    CompletableFuture<@Nullable Void> refresh() {
        if (disposed) {
            return CompletableFuture.completedFuture(null);
        }
        long start = System.nanoTime();
        return sender(false)
                .thenCompose(PushCommandSender::readState)
                .handle((@Nullable StateReading reading, @Nullable Throwable error) -> {
                    observe(reading != null ? reading : new StateReading(null, unknownFamily(error)), start);
                    return null;
                });
    }

    /** The state the device reported last, or {@code null} when unknown. */
    private @Nullable SwitchState knownState() {
        State power = thing.hasChannel(TargetChannels.POWER) ? thing.state(TargetChannels.POWER) : State.NULL;
        return power.equals(State.ON) ? SwitchState.ON : power.equals(State.OFF) ? SwitchState.OFF : null;
    }

    private static PushResult unknownFamily(@Nullable Throwable failure) {
        Throwable wrapped = failure instanceof CompletionException ? failure.getCause() : null;
        Throwable cause = wrapped != null ? wrapped : failure;
        if (cause instanceof FamilyUnknown unknown) {
            return unknown.result;
        }
        return new PushResult(false, Reason.UNREACHABLE, "push failed: " + cause, null, 0, "", null);
    }

    private synchronized CompletableFuture<PushCommandSender> sender(boolean useInterval) {
        if (disposed) { // a caller that still held this handler: a new sender would never be closed
            return CompletableFuture.failedFuture(new FamilyUnknown(new PushResult(
                    false, Reason.UNREACHABLE, "not sent: the thing was removed or reconfigured", null, 0, "", null)));
        }
        if (pinLearned) {
            pinLearned = false;
            settings = settings.withCertificateFingerprint(
                    pins.pin(thing.uid().toString(), settings.host(), settings.port()));
            retireSenders();
        }
        CompletableFuture<DeviceFamily> known = family;
        if (known == null || known.isCompletedExceptionally()) {
            known = plan.family().apply(settings);
            family = known;
            gated = null;
            ungated = null;
        }
        CompletableFuture<PushCommandSender> sender = useInterval ? gated : ungated;
        if (sender == null) {
            DeviceSettings current = settings;
            IntervalGate senderGate = useInterval ? gate : IntervalGate.off();
            sender = known.thenApply(
                    f -> new PushCommandSender(current, f, senderGate, this::learnPin, transport, timers));
            if (useInterval) {
                gated = sender;
            } else {
                ungated = sender;
            }
        }
        return sender;
    }

    /** Trust on first use: keep the fingerprint; the next push rebuilds the senders pinned to it. */
    private synchronized void learnPin(String fingerprint) {
        pins.save(thing.uid().toString(), settings.host(), settings.port(), fingerprint);
        pinLearned = true;
    }

    static CompletableFuture<DeviceFamily> failedFamily(PushResult result) {
        return CompletableFuture.failedFuture(new FamilyUnknown(result));
    }

    private PushResult record(String channelId, TargetActions.Action action, PushResult result) {
        LOGGER.debug(
                "Push {} {} to {}: {}: {} ({} ms)",
                channelId,
                action,
                thing.uid(),
                result.reason(),
                result.detail(),
                result.latencyMs());
        thing.updateState(TargetChannels.LAST_RESULT, State.string(result.reason() + ": " + result.detail()));
        if (result.reason() == Reason.INTERVAL || result.reason() == Reason.OVERLOADED) {
            return result; // nothing reached the device: its status is unchanged
        }
        lastCommandDone = System.nanoTime();
        thing.updateState(TargetChannels.LAST_PUSH, State.dateTime(ZonedDateTime.now(timers.clock())));
        Integer status = result.status();
        if (status != null) {
            thing.updateState(TargetChannels.LAST_RESPONSE_CODE, State.number(status));
        }
        SwitchState read = result.state();
        if (result.success() || result.reason() == Reason.NOT_CONFIRMED) {
            thing.setStatus(ThingStatusInfo.ONLINE); // it answered, even when it did not carry the command out
            if (read != null) {
                showState(read);
            } else if (result.success()) {
                updatePower(channelId, action); // nothing read back: what the device accepted
            }
        } else {
            thing.setStatus(
                    ThingStatusInfo.offline(Detail.COMMUNICATION_ERROR, result.reason() + ": " + result.detail()));
        }
        return result;
    }

    /**
     * A state read from the device (not after a command): the status, and {@code power} unless the
     * reading was sent before the latest command ended.
     */
    private void observe(StateReading reading, long sentNanos) {
        PushResult result = reading.result();
        if (disposed || result.reason() == Reason.INTERVAL || result.reason() == Reason.OVERLOADED) {
            return;
        }
        SwitchState state = reading.state();
        if (state == null) {
            thing.setStatus(
                    ThingStatusInfo.offline(Detail.COMMUNICATION_ERROR, result.reason() + ": " + result.detail()));
            return;
        }
        thing.setStatus(ThingStatusInfo.ONLINE);
        if (sentNanos - lastCommandDone > 0) {
            showState(state);
        }
    }

    private void showState(SwitchState state) {
        if (thing.hasChannel(TargetChannels.POWER)) {
            thing.updateState(TargetChannels.POWER, State.onOff(state == SwitchState.ON));
        }
    }

    /** Without a read-back, power follows what the device accepted; a pulse ends by itself, so it leaves it alone. */
    private void updatePower(String channelId, TargetActions.Action action) {
        if (!thing.hasChannel(TargetChannels.POWER) || !(action instanceof TargetActions.SwitchAction switched)) {
            return;
        }
        SwitchCommand command = switched.command();
        State current = thing.state(TargetChannels.POWER);
        switch (command) {
            case ON -> thing.updateState(TargetChannels.POWER, State.ON);
            case OFF -> thing.updateState(TargetChannels.POWER, State.OFF);
            case TOGGLE -> {
                if (current.equals(State.ON) || current.equals(State.OFF)) {
                    thing.updateState(TargetChannels.POWER, State.onOff(current.equals(State.OFF)));
                }
            }
            case PULSE -> {
                // timed by the device: the state we know ends with it
            }
        }
    }

    /**
     * Replaces the senders: pushes already waiting in the old ones still go out (closing would refuse
     * them), and the old ones close once every push could have ended (twice the timeout, see PushClient).
     */
    private void retireSenders() {
        CompletableFuture<PushCommandSender> oldGated = gated;
        CompletableFuture<PushCommandSender> oldUngated = ungated;
        timers.schedule(settings.timeout().multipliedBy(2).plusSeconds(1), () -> {
            close(oldGated);
            close(oldUngated);
        });
        gated = null;
        ungated = null;
    }

    private static void close(@Nullable CompletableFuture<PushCommandSender> sender) {
        if (sender != null) {
            sender.thenAccept(PushCommandSender::close);
        }
    }

    synchronized void dispose() {
        disposed = true;
        StatePoller started = poller;
        if (started != null) {
            started.stop();
        }
        close(gated);
        close(ungated);
        gated = null;
        ungated = null;
    }
}
