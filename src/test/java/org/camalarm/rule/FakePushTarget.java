package org.camalarm.rule;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.camalarm.push.PushResult;
import org.camalarm.push.PushResult.Reason;
import org.camalarm.target.PushTargetHandler;
import org.camalarm.thing.ChannelDefinition;
import org.camalarm.thing.Thing;
import org.camalarm.thing.ThingEvents;
import org.camalarm.thing.ThingUID;

/**
 * A push target that records the commands it is given, as {@code "<channelId> <command>"}, and
 * answers with completed futures of real {@link PushResult}s (or what {@link #replying} says).
 * Like a real handler it refuses a channel it does not have with IllegalArgumentException.
 */
final class FakePushTarget implements PushTargetHandler {

    /** What a relay answering {@code 200 OK} after 3 ms looks like. */
    static final PushResult OK = new PushResult(true, Reason.OK, "HTTP 200 OK", 200, 3, "{\"ison\":true}", null);

    static final PushResult REFUSED =
            new PushResult(false, Reason.UNREACHABLE, "connection refused by 127.0.0.1:8081", null, 1, "", null);

    final List<String> received = new CopyOnWriteArrayList<>();
    private final Thing thing;
    private volatile Function<String, CompletableFuture<PushResult>> reply = c -> CompletableFuture.completedFuture(OK);

    FakePushTarget(ThingUID uid, String... channelIds) {
        thing = new Thing(
                uid,
                uid.thingId(),
                Map.of(),
                true,
                List.of(channelIds).stream()
                        .map(id -> ChannelDefinition.state(id, "Switch", id))
                        .toList(),
                ThingEvents.NONE);
    }

    /** Answers every command with {@code reply} (which may also throw). */
    FakePushTarget replying(Function<String, CompletableFuture<PushResult>> reply) {
        this.reply = reply;
        return this;
    }

    FakePushTarget answering(PushResult result) {
        return replying(c -> CompletableFuture.completedFuture(result));
    }

    @Override
    public Thing thing() {
        return thing;
    }

    @Override
    public CompletableFuture<PushResult> command(String channelId, String command) {
        if (!thing.hasChannel(channelId)) {
            throw new IllegalArgumentException(thing.uid() + " has no channel " + channelId);
        }
        received.add(channelId + " " + command);
        return reply.apply(command);
    }

    @Override
    public String refusal(String channelId, String command) {
        return thing.hasChannel(channelId) ? null : thing.uid() + " has no channel " + channelId;
    }

    @Override
    public CompletableFuture<PushResult> test(String command) {
        throw new UnsupportedOperationException("not used by rules");
    }
}
