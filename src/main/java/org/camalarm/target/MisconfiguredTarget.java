package org.camalarm.target;

import java.util.concurrent.CompletableFuture;
import org.camalarm.push.PushResult;
import org.camalarm.thing.Thing;
import org.eclipse.jdt.annotation.Nullable;

/** A push target whose configuration is invalid: visible, OFFLINE with the reason, refusing commands. */
record MisconfiguredTarget(Thing thing, String problem) implements PushTargetHandler {

    @Override
    public CompletableFuture<PushResult> command(String channelId, String command) {
        throw new IllegalArgumentException(thing.uid() + " is not configured correctly: " + problem);
    }

    @Override
    public @Nullable String refusal(String channelId, String command) {
        return null; // what it takes is unknown until its configuration is fixed; its status says what is wrong
    }

    @Override
    public CompletableFuture<PushResult> test(@Nullable String command) {
        throw new IllegalArgumentException(thing.uid() + " is not configured correctly: " + problem);
    }
}
