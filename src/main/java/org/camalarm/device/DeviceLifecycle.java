package org.camalarm.device;

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
final class DeviceLifecycle {

    private static final Logger LOGGER = LoggerFactory.getLogger(DeviceLifecycle.class);
    private final DeviceServices services;
    private final ThingHandler handler;

    private DeviceLifecycle(DeviceServices services, ThingHandler handler) {
        this.services = services;
        this.handler = handler;
    }

    /**
     * @param type      the thing type id ({@code shelly}, {@code http}, ...)
     * @param protocols the protocols the device family can speak
     * @param planner   reads the family parameters; throws IllegalArgumentException for bad ones
     */
    static DeviceLifecycle start(String type, Map<String, Object> properties, DeviceServices services,
            Set<Protocol> protocols, Function<DeviceProperties, DevicePlan> planner) {
        String thingId;
        try {
            thingId = ThingConfigurations.thingId(properties);
        } catch (IllegalArgumentException e) {
            LOGGER.error("Push target configuration {} ignored: {}", properties.get("service.pid"), e.getMessage());
            return new DeviceLifecycle(services, null);
        }
        ThingUID uid = new ThingUID(type, thingId);
        DeviceProperties props = new DeviceProperties(properties);
        String label = props.string("label", type);
        ThingHandler handler;
        try {
            DeviceSettings settings = props.settings(protocols, services.pins.pin(uid.toString()));
            DevicePlan plan = planner.apply(props);
            Duration interval = props.seconds("interval");
            Thing thing = new Thing(uid, label, props.shown(), ThingConfigurations.isEditable(properties), channels(plan),
                    services.events);
            handler = new DeviceHandler(thing, settings, plan, interval, services.timers, services.pins);
        } catch (IllegalArgumentException e) {
            handler = new MisconfiguredDevice(new Thing(uid, label, props.shown(),
                    ThingConfigurations.isEditable(properties), DeviceChannels.STATUS, services.events), e.getMessage());
            handler.thing().setStatus(ThingStatusInfo.offline(Detail.CONFIGURATION_ERROR, e.getMessage()));
        }
        return new DeviceLifecycle(services, services.registry.add(handler) ? handler : null);
    }

    private static List<ChannelDefinition> channels(DevicePlan plan) {
        List<ChannelDefinition> channels = new ArrayList<>();
        Set<SwitchCommand> commands = plan.switchCommands();
        if (commands.contains(SwitchCommand.ON) || commands.contains(SwitchCommand.OFF)) {
            channels.add(DeviceChannels.action(DeviceChannels.POWER, "Power"));
        }
        if (commands.contains(SwitchCommand.TOGGLE)) {
            channels.add(DeviceChannels.action(DeviceChannels.TOGGLE, "Toggle"));
        }
        if (commands.contains(SwitchCommand.PULSE)) {
            channels.add(DeviceChannels.action(DeviceChannels.PULSE, "Pulse"));
        }
        plan.namedCommands().forEach((name, command) -> channels.add(DeviceChannels.action(name,
                DeviceProperties.maskSecrets(command.line()))));
        channels.addAll(DeviceChannels.STATUS);
        return channels;
    }

    void stop() {
        if (handler != null) {
            services.registry.unregister(handler);
            if (handler instanceof DeviceHandler device) {
                device.dispose();
            }
        }
    }
}
