package org.camalarm.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.camalarm.target.PushTargetHandler;
import org.camalarm.thing.ChannelDefinition;
import org.camalarm.thing.Thing;
import org.camalarm.thing.ThingHandler;
import org.camalarm.thing.ThingRegistry;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commands from the broker ({@code {base}/{thingId}/{channelId}/set} with ON or OFF,
 * {@code .../press} with anything) sent the way a REST command is: through the push target's
 * {@link PushTargetHandler#command}, which applies its interval, updates its channels and status,
 * and is recorded like any command. Never blocks: the push runs on the target's own client.
 * What comes from the broker is client data: logged at debug level only.
 */
final class CommandDispatcher {

    private static final Logger LOGGER = LoggerFactory.getLogger(CommandDispatcher.class);

    private final Topics topics;
    private final ThingRegistry registry;

    CommandDispatcher(Topics topics, ThingRegistry registry) {
        this.topics = topics;
        this.registry = registry;
    }

    /** Sends the command a message carries; returns whether it was handed to a push target. */
    boolean dispatch(String topic, byte[] payload) {
        Topics.Command command = topics.parseCommand(topic);
        if (command == null) {
            LOGGER.debug("MQTT message on {} is not a command; ignored", topic);
            return false;
        }
        Optional<ThingHandler> handler = registry.byId(command.thingId());
        if (handler.isEmpty() || !(handler.get() instanceof PushTargetHandler target)) {
            LOGGER.debug("MQTT command on {}: no push target {}", topic, command.thingId());
            return false;
        }
        String channelId = channel(target.thing(), command.channelSegment());
        String text = new String(payload, StandardCharsets.UTF_8).trim();
        if (text.isEmpty()) {
            text = Topics.PRESS.equals(command.verb()) ? "PRESS" : "";
        }
        if (channelId == null || text.isEmpty()) {
            LOGGER.debug("MQTT command on {} names no channel of {} or is empty; ignored", topic, command.thingId());
            return false;
        }
        String sent = text;
        try {
            target.command(channelId, sent)
                    .thenAccept(result -> LOGGER.debug(
                            "MQTT command {} to {}: {} {}",
                            sent,
                            target.thing().uid().channelUID(channelId),
                            result.reason(),
                            result.detail()));
            return true;
        } catch (IllegalArgumentException e) {
            LOGGER.debug("MQTT command {} on {} refused: {}", sent, topic, e.getMessage());
            return false;
        }
    }

    /** The channel a topic level names: the channel id itself, or the one it was made topic-safe from. */
    private static @Nullable String channel(Thing thing, String segment) {
        if (thing.hasChannel(segment)) {
            return segment;
        }
        for (ChannelDefinition channel : thing.channels()) {
            if (Topics.segment(channel.id()).equals(segment)) {
                return channel.id();
            }
        }
        return null;
    }
}
