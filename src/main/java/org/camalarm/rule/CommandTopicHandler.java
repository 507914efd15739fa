package org.camalarm.rule;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.camalarm.thing.ThingEvents;
import org.camalarm.thing.ThingRegistry;
import org.camalarm.time.Timers;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets other bundles (their rule engines, scripts) drive push targets through EventAdmin: an event
 * on {@value #TOPIC} with {@code channelUID} and {@code command} (and an optional
 * {@code correlationId}, echoed) is sent exactly as a {@link Rule} sends its command, and its
 * outcome is posted on {@value #TOPIC}{@code /result} (README, "Driving pushes from other bundles",
 * lists the properties and reasons).
 *
 * <p>Post commands with {@code postEvent}: the handler returns at once, and the result comes later
 * as its own event. Problems with a command are reported in its result, and logged at debug only.
 */
@Component(
        service = EventHandler.class,
        property = {
            EventConstants.EVENT_TOPIC + "=" + CommandTopicHandler.TOPIC,
            EventConstants.EVENT_TOPIC + "=" + CommandTopicHandler.TOPIC + "/*"
        })
public class CommandTopicHandler implements EventHandler {

    public static final String TOPIC = "camalarm/command";
    public static final String RESULT_TOPIC = TOPIC + "/result";
    /** Event property names (plus {@code channelUID}, {@code command} and those of {@link CommandOutcome}). */
    public static final String CORRELATION_ID = "correlationId";

    private static final Logger LOGGER = LoggerFactory.getLogger(CommandTopicHandler.class);
    private final EventAdmin eventAdmin;
    private final PushDispatcher dispatcher;
    private final Timers timers;

    @Activate
    public CommandTopicHandler(
            @Reference EventAdmin eventAdmin, @Reference ThingRegistry registry, @Reference Timers timers) {
        this.eventAdmin = eventAdmin;
        this.dispatcher = new PushDispatcher(registry);
        this.timers = timers;
    }

    @NonNullByDefault({}) // EventAdmin's interface says nothing of nullness
    @Override
    public void handleEvent(Event event) {
        String topic = event.getTopic();
        if (topic.equals(RESULT_TOPIC) || topic.startsWith(RESULT_TOPIC + "/")) {
            return; // our own answers come back through the wildcard subscription
        }
        Object channel = event.getProperty(ThingEvents.CHANNEL_UID);
        Object requested = event.getProperty(RuleEngine.COMMAND);
        String command = requested instanceof String s ? Commands.normalize(s) : "";
        CompletableFuture<CommandOutcome> outcome;
        if (!(channel instanceof String uid) || uid.isBlank()) {
            outcome = CompletableFuture.completedFuture(
                    CommandOutcome.failure(CommandOutcome.BAD_COMMAND, "channelUID is missing"));
        } else if (command.isEmpty()) {
            outcome = CompletableFuture.completedFuture(
                    CommandOutcome.failure(CommandOutcome.BAD_COMMAND, "command is missing"));
        } else {
            outcome = send(uid.strip(), command);
        }
        Object correlationId = event.getProperty(CORRELATION_ID);
        outcome.whenComplete((@Nullable CommandOutcome result, @Nullable Throwable e) -> answer(
                channel,
                command,
                correlationId,
                result != null ? result : CommandOutcome.failure(CommandOutcome.ERROR, String.valueOf(e))));
    }

    private CompletableFuture<CommandOutcome> send(String channelUID, String command) {
        ChannelUID target;
        try {
            target = ChannelUID.parse(channelUID);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(
                    CommandOutcome.failure(CommandOutcome.BAD_COMMAND, String.valueOf(e.getMessage())));
        }
        return dispatcher.send(target, command);
    }

    private void answer(
            @Nullable Object channel, String command, @Nullable Object correlationId, CommandOutcome outcome) {
        try {
            if (LOGGER.isDebugEnabled()) {
                LOGGER.debug(
                        "Command {} to {} from the command topic: {} {}",
                        command,
                        channel,
                        outcome.reason(),
                        outcome.detail());
            }
            Map<String, Object> result = new HashMap<>(16);
            if (channel instanceof String) {
                result.put(ThingEvents.CHANNEL_UID, channel);
            }
            result.put(RuleEngine.COMMAND, command);
            outcome.addTo(result);
            result.put(EventConstants.TIMESTAMP, timers.clock().millis());
            if (correlationId != null) {
                result.put(CORRELATION_ID, correlationId);
            }
            eventAdmin.postEvent(new Event(RESULT_TOPIC, result));
        } catch (RuntimeException e) {
            LOGGER.warn("Result of command {} to {} could not be posted", command, channel, e);
        }
    }
}
