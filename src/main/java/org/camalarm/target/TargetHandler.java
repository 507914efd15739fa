package org.camalarm.target;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.camalarm.push.DeviceFamily;
import org.camalarm.push.DeviceSettings;
import org.camalarm.push.GenericCommand;
import org.camalarm.push.IntervalGate;
import org.camalarm.push.PushCommandSender;
import org.camalarm.push.PushResult;
import org.camalarm.push.PushResult.Reason;
import org.camalarm.push.SwitchCommand;
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
 * <p>Two senders share the device settings: one gated by the minimum {@code interval} (commands
 * from rules, REST, the command topic) and one for tests, which ignore the interval. Both are
 * built on first use, after the family is known, and rebuilt once a certificate is pinned.
 */
final class TargetHandler implements PushTargetHandler {

    private static final Logger LOGGER = LoggerFactory.getLogger(TargetHandler.class);

    private final Thing thing;
    private final TargetPlan plan;
    /** One gate for the thing's life: rebuilding a sender (a learned pin) must not forget recent pushes. */
    private final IntervalGate gate;

    private final Timers timers;
    private final PinStore pins;
    private final PushListener listener;
    private DeviceSettings settings;
    private @Nullable CompletableFuture<DeviceFamily> family;
    private @Nullable CompletableFuture<PushCommandSender> gated;
    private @Nullable CompletableFuture<PushCommandSender> ungated;
    private volatile boolean pinLearned;

    /** What a channel command sends: a switch command of the family, or an http thing's configured request. */
    private sealed interface Action permits SwitchAction, RequestAction {}

    private record SwitchAction(SwitchCommand command) implements Action {
        @Override
        public String toString() {
            return command.name();
        }
    }

    private record RequestAction(GenericCommand request) implements Action {
        @Override
        public String toString() {
            return HttpCommands.maskSecrets(request.line());
        }
    }

    /** Why the family is unknown: the outcome of asking the device. */
    private static final class FamilyUnknown extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient PushResult result;

        FamilyUnknown(PushResult result) {
            super(result.detail(), null, false, false);
            this.result = result;
        }
    }

    TargetHandler(
            Thing thing,
            DeviceSettings settings,
            TargetPlan plan,
            @Nullable Duration interval,
            Timers timers,
            PinStore pins,
            PushListener listener) {
        this.thing = thing;
        this.settings = settings;
        this.plan = plan;
        this.gate = interval != null ? new IntervalGate(interval, timers.clock()) : IntervalGate.off();
        this.timers = timers;
        this.pins = pins;
        this.listener = listener;
    }

    @Override
    public Thing thing() {
        return thing;
    }

    @Override
    public CompletableFuture<PushResult> command(String channelId, String command) {
        return push(channelId, action(channelId, command), true);
    }

    @Override
    public CompletableFuture<PushResult> test(@Nullable String command) {
        if (command == null || command.isBlank()) {
            String channel = defaultTestChannel();
            return push(channel, action(channel, "ON"), false);
        }
        GenericCommand request = plan.namedCommands().get(command);
        if (request != null) {
            return push(command, new RequestAction(request), false);
        }
        SwitchCommand named = switchCommand(command);
        return push(channelFor(named), new SwitchAction(named), false);
    }

    /** The configured command (http things) or the switch command a channel's command means. */
    private Action action(String channelId, @Nullable String command) {
        if (!thing.hasChannel(channelId)) {
            throw new IllegalArgumentException(thing.uid() + " has no channel " + channelId);
        }
        if (TargetChannels.isStatus(channelId)) {
            throw new IllegalArgumentException(channelId + " is read-only: it reports the last push");
        }
        GenericCommand named = plan.namedCommands().get(channelId);
        if (named != null) {
            return new RequestAction(named); // a command channel sends its request whatever the command (ON, a press)
        }
        String c = command == null ? "" : command.trim().toUpperCase(Locale.ROOT);
        return new SwitchAction(
                switch (channelId) {
                    case TargetChannels.POWER ->
                        switch (c) {
                            case "ON", "OFF", "TOGGLE", "PULSE" -> switchCommand(c);
                            default ->
                                throw new IllegalArgumentException(
                                        "power takes ON, OFF, TOGGLE or PULSE, not '" + command + "'");
                        };
                    case TargetChannels.TOGGLE -> SwitchCommand.TOGGLE;
                    case TargetChannels.PULSE -> SwitchCommand.PULSE;
                    default -> throw new IllegalArgumentException(channelId + " takes no commands");
                });
    }

    private SwitchCommand switchCommand(String command) {
        SwitchCommand c;
        try {
            c = SwitchCommand.valueOf(command.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    thing.uid() + " has no command '" + command + "'; it has " + plan.switchCommands()
                            + (plan.namedCommands().isEmpty()
                                    ? ""
                                    : " and " + plan.namedCommands().keySet()));
        }
        if (!plan.switchCommands().contains(c)) {
            throw new IllegalArgumentException(thing.uid() + " cannot " + c + "; it can " + plan.switchCommands());
        }
        return c;
    }

    private static String channelFor(SwitchCommand command) {
        return switch (command) {
            case ON, OFF -> TargetChannels.POWER;
            case TOGGLE -> TargetChannels.TOGGLE;
            case PULSE -> TargetChannels.PULSE;
        };
    }

    /** What a Test without a named command sends: the first configured command, or a pulse where there is one. */
    private String defaultTestChannel() {
        if (!plan.namedCommands().isEmpty()) {
            return plan.namedCommands().keySet().iterator().next();
        }
        return plan.switchCommands().contains(SwitchCommand.PULSE) ? TargetChannels.PULSE : TargetChannels.POWER;
    }

    private CompletableFuture<PushResult> push(String channelId, Action action, boolean useInterval) {
        return sender(useInterval)
                .thenCompose(sender -> action instanceof RequestAction request
                        ? sender.send(request.request())
                        : sender.send(((SwitchAction) action).command()))
                .exceptionally(TargetHandler::unknownFamily)
                .thenApply(result -> record(channelId, action, result))
                .whenComplete((@Nullable PushResult result, @Nullable Throwable e) -> {
                    if (result != null) {
                        listener.pushed(thing.uid(), channelId, commandName(channelId, action), !useInterval, result);
                    }
                });
    }

    private static String commandName(String channelId, Action action) {
        return action instanceof SwitchAction switched ? switched.command().name() : channelId;
    }

    private static PushResult unknownFamily(Throwable failure) {
        Throwable wrapped = failure instanceof CompletionException ? failure.getCause() : null;
        Throwable cause = wrapped != null ? wrapped : failure;
        if (cause instanceof FamilyUnknown unknown) {
            return unknown.result;
        }
        return new PushResult(false, Reason.UNREACHABLE, "push failed: " + cause, null, 0, "", null);
    }

    private synchronized CompletableFuture<PushCommandSender> sender(boolean useInterval) {
        if (pinLearned) {
            pinLearned = false;
            settings = settings.withCertificateFingerprint(pins.pin(thing.uid().toString()));
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
            sender = known.thenApply(f -> new PushCommandSender(current, f, senderGate, this::learnPin));
            if (useInterval) {
                gated = sender;
            } else {
                ungated = sender;
            }
        }
        return sender;
    }

    /** Trust on first use: keep the fingerprint; the next push rebuilds the senders pinned to it. */
    private void learnPin(String fingerprint) {
        pins.save(thing.uid().toString(), fingerprint);
        pinLearned = true;
    }

    static CompletableFuture<DeviceFamily> failedFamily(PushResult result) {
        return CompletableFuture.failedFuture(new FamilyUnknown(result));
    }

    private PushResult record(String channelId, Action action, PushResult result) {
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
        thing.updateState(TargetChannels.LAST_PUSH, State.dateTime(ZonedDateTime.now(timers.clock())));
        Integer status = result.status();
        if (status != null) {
            thing.updateState(TargetChannels.LAST_RESPONSE_CODE, State.number(status));
        }
        if (result.success()) {
            thing.setStatus(ThingStatusInfo.ONLINE);
            updatePower(channelId, action);
        } else {
            thing.setStatus(
                    ThingStatusInfo.offline(Detail.COMMUNICATION_ERROR, result.reason() + ": " + result.detail()));
        }
        return result;
    }

    /** The power switch follows what the device accepted; a pulse ends by itself, so it leaves it alone. */
    private void updatePower(String channelId, Action action) {
        if (!thing.hasChannel(TargetChannels.POWER) || !(action instanceof SwitchAction switched)) {
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
        close(gated);
        close(ungated);
        gated = null;
        ungated = null;
    }
}
