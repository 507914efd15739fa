package org.camalarm.mqtt;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camalarm.push.PushResult;
import org.camalarm.push.PushResult.Reason;
import org.camalarm.target.PushTargetHandler;
import org.camalarm.target.TargetChannels;
import org.camalarm.thing.ChannelDefinition;
import org.camalarm.thing.State;
import org.camalarm.thing.Thing;
import org.camalarm.thing.ThingEvents;
import org.camalarm.thing.ThingUID;

/**
 * A relay push target that records the commands it gets ({@code "power ON"}) and, like a real
 * one, switches its power channel and reports {@code lastResult} at once.
 */
final class RecordingRelay implements PushTargetHandler {

    final List<String> received = new CopyOnWriteArrayList<>();
    private final Thing thing;

    RecordingRelay(String id, String label, ThingEvents events) {
        thing = new Thing(
                new ThingUID("shelly", id),
                label,
                Map.of("kind", "relay"),
                true,
                List.of(
                        ChannelDefinition.state(TargetChannels.POWER, "Switch", "Power"),
                        ChannelDefinition.state(TargetChannels.PULSE, "Switch", "Pulse"),
                        ChannelDefinition.state(TargetChannels.LAST_RESULT, "String", "Last result"),
                        ChannelDefinition.state(TargetChannels.LAST_PUSH, "DateTime", "Last push")),
                events);
    }

    @Override
    public Thing thing() {
        return thing;
    }

    @Override
    public CompletableFuture<PushResult> command(String channelId, String command) {
        if (!thing.hasChannel(channelId) || channelId.startsWith("last")) {
            throw new IllegalArgumentException(thing.uid() + " takes no command on " + channelId);
        }
        received.add(channelId + " " + command);
        if (TargetChannels.POWER.equals(channelId)) {
            thing.updateState(TargetChannels.POWER, State.onOff("ON".equals(command)));
        }
        thing.updateState(TargetChannels.LAST_RESULT, State.string("OK: HTTP 200 OK"));
        return CompletableFuture.completedFuture(new PushResult(true, Reason.OK, "HTTP 200 OK", 200, 1, "", null));
    }

    @Override
    public String refusal(String channelId, String command) {
        return null;
    }

    @Override
    public CompletableFuture<PushResult> test(String command) {
        throw new UnsupportedOperationException("not used here");
    }
}
