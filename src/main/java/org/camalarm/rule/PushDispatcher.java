package org.camalarm.rule;

import java.util.concurrent.CompletableFuture;
import org.camalarm.push.PushResult;
import org.camalarm.target.PushTargetHandler;
import org.camalarm.thing.ThingHandler;
import org.camalarm.thing.ThingRegistry;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a command to a push target channel, for rules and for the command topic alike: finds the
 * {@link PushTargetHandler} of the channel's thing in the {@link ThingRegistry} and calls
 * {@link PushTargetHandler#command}.
 *
 * <p>Thread-safe. {@link #send} returns at once, never throws, and its future always completes
 * normally: a missing target, a refused command or a failing handler are {@link CommandOutcome}s too.
 */
final class PushDispatcher {

    private static final Logger LOGGER = LoggerFactory.getLogger(PushDispatcher.class);
    private final ThingRegistry registry;

    PushDispatcher(ThingRegistry registry) {
        this.registry = registry;
    }

    CompletableFuture<CommandOutcome> send(ChannelUID target, String command) {
        ThingHandler handler = registry.byUID(target.thing()).orElse(null);
        if (!(handler instanceof PushTargetHandler push)) {
            return CompletableFuture.completedFuture(CommandOutcome.failure(
                    CommandOutcome.NO_TARGET,
                    handler == null ? "no thing " + target.thing() : target.thing() + " is not a push target"));
        }
        CompletableFuture<PushResult> pushing;
        try {
            pushing = push.command(target.channelId(), command);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(
                    CommandOutcome.failure(CommandOutcome.BAD_COMMAND, String.valueOf(e.getMessage())));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failed(target, command, e));
        }
        return pushing.handle((@Nullable PushResult result, @Nullable Throwable e) ->
                result != null ? CommandOutcome.of(result) : failed(target, command, e));
    }

    private static CommandOutcome failed(ChannelUID target, String command, @Nullable Throwable e) {
        LOGGER.debug("{} failed on command {}", target, command, e);
        return CommandOutcome.failure(CommandOutcome.ERROR, target.thing() + " failed on " + command + ": " + e);
    }
}
