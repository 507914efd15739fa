package org.camalarm.target;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camalarm.push.DeviceSettings;
import org.camalarm.push.Protocol;
import org.camalarm.push.SwitchCommand;
import org.camalarm.thing.ChannelDefinition;
import org.camalarm.thing.Thing;
import org.camalarm.thing.ThingConfigurations;
import org.camalarm.thing.ThingHandler;
import org.camalarm.thing.ThingStatusInfo;
import org.camalarm.thing.ThingStatusInfo.Detail;
import org.camalarm.thing.ThingUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the push-target components share: turn a configuration into a registered push-target thing,
 * and take it away again. A bad configuration still shows as a thing, OFFLINE/CONFIGURATION_ERROR
 * with the reason, and refuses commands with that reason.
 */
final class TargetLifecycle {

    private static final Logger LOGGER = LoggerFactory.getLogger(TargetLifecycle.class);
    private final TargetServices services;
    private final ThingHandler handler;

    private TargetLifecycle(TargetServices services, ThingHandler handler) {
        this.services = services;
        this.handler = handler;
    }

    /**
     * @param type      the thing type id ({@code shelly}, {@code http}, ...)
     * @param protocols the protocols the device family can speak
     * @param planner   reads the family parameters; throws IllegalArgumentException for bad ones
     */
    static TargetLifecycle start(
            String type,
            Map<String, Object> properties,
            TargetServices services,
            Set<Protocol> protocols,
            Function<TargetProperties, TargetPlan> planner) {
        String thingId;
        try {
            thingId = ThingConfigurations.thingId(properties);
        } catch (IllegalArgumentException e) {
            LOGGER.error("Push target configuration {} ignored: {}", properties.get("service.pid"), e.getMessage());
            return new TargetLifecycle(services, null);
        }
        ThingUID uid = new ThingUID(type, thingId);
        TargetProperties props = new TargetProperties(properties);
        String label = props.string("label", type);
        ThingHandler handler;
        try {
            DeviceSettings settings = props.settings(protocols, services.pins.pin(uid.toString()));
            TargetPlan plan = planner.apply(props);
            Duration interval = props.seconds("interval");
            Thing thing = new Thing(
                    uid,
                    label,
                    props.shown(),
                    ThingConfigurations.isEditable(properties),
                    channels(plan),
                    services.events);
            handler = new TargetHandler(thing, settings, plan, interval, services.timers, services.pins);
        } catch (IllegalArgumentException e) {
            handler = new MisconfiguredTarget(
                    new Thing(
                            uid,
                            label,
                            props.shown(),
                            ThingConfigurations.isEditable(properties),
                            TargetChannels.STATUS,
                            services.events),
                    e.getMessage());
            handler.thing()
                    .setStatus(ThingStatusInfo.offline(Detail.CONFIGURATION_ERROR, String.valueOf(e.getMessage())));
        }
        return new TargetLifecycle(services, services.registry.add(handler) ? handler : null);
    }

    private static List<ChannelDefinition> channels(TargetPlan plan) {
        List<ChannelDefinition> channels = new ArrayList<>();
        Set<SwitchCommand> commands = plan.switchCommands();
        if (commands.contains(SwitchCommand.ON) || commands.contains(SwitchCommand.OFF)) {
            channels.add(TargetChannels.action(TargetChannels.POWER, "Power"));
        }
        if (commands.contains(SwitchCommand.TOGGLE)) {
            channels.add(TargetChannels.action(TargetChannels.TOGGLE, "Toggle"));
        }
        if (commands.contains(SwitchCommand.PULSE)) {
            channels.add(TargetChannels.action(TargetChannels.PULSE, "Pulse"));
        }
        plan.namedCommands()
                .forEach((name, command) ->
                        channels.add(TargetChannels.action(name, TargetProperties.maskSecrets(command.line()))));
        channels.addAll(TargetChannels.STATUS);
        return channels;
    }

    void stop() {
        if (handler != null) {
            services.registry.unregister(handler);
            if (handler instanceof TargetHandler device) {
                device.dispose();
            }
        }
    }
}
