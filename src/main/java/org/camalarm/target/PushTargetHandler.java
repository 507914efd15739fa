package org.camalarm.target;

import java.util.concurrent.CompletableFuture;
import org.camalarm.push.PushResult;
import org.camalarm.thing.ThingHandler;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A thing that sends push commands to a device (a relay, a light, an intercom): what rules, REST
 * and the EventAdmin command topic drive. This is where a push leaves the hub.
 *
 * <p>Both methods return at once and never block on the network; the future always completes
 * normally (every failure is a {@link PushResult}). The thing's {@code lastResult},
 * {@code lastPush}, {@code lastResponseCode} channels and its status follow each outcome.
 */
public interface PushTargetHandler extends ThingHandler {

    /**
     * Sends {@code command} to the channel. Relay channels take {@code ON}/{@code OFF} ({@code power}),
     * {@code TOGGLE} ({@code toggle}), {@code PULSE} ({@code pulse}); an {@code http} thing's command
     * channel takes any command (it sends its configured request). The minimum {@code interval}
     * applies: a repeat inside it completes with reason {@code INTERVAL}, unsent.
     *
     * @throws IllegalArgumentException when the thing has no such channel or the channel cannot take
     *                                  the command (the message says which)
     */
    CompletableFuture<PushResult> command(String channelId, String command);

    /**
     * Tests the device as the iVSEC camera's Test button does: sends one real command, ignoring
     * {@code interval}, and reports what came back (the push result: success, or the exact reason,
     * HTTP status and latency). The command is the one named (an {@code http} thing's command, or
     * {@code ON}/{@code OFF}/{@code TOGGLE}/{@code PULSE}); without one, an {@code http} thing's first
     * command, else a pulse where the device has one, else {@code ON}. The device switches: a test
     * of a relay switches the relay.
     *
     * @throws IllegalArgumentException when the named command does not exist
     */
    CompletableFuture<PushResult> test(@Nullable String command);

    /**
     * Why {@link #command} would refuse {@code command} on the channel (the message it would throw
     * with), or {@code null} when it takes it; nothing is sent.
     */
    @Nullable
    String refusal(String channelId, String command);
}
