package org.camalarm.target;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camalarm.config.ConfigReader;
import org.camalarm.config.ConfigReading;
import org.camalarm.config.ConfigSource;
import org.camalarm.config.Seconds;
import org.camalarm.push.AuthMode;
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
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the push-target components share: read a configuration through its type's interface, turn
 * it into a registered push-target thing, and take it away again. A bad configuration still shows as
 * a thing, OFFLINE/CONFIGURATION_ERROR with the reason, and refuses commands with that reason.
 */
final class TargetLifecycle {

    private static final Logger LOGGER = LoggerFactory.getLogger(TargetLifecycle.class);
    private final TargetServices services;
    private final @Nullable ThingHandler handler;

    private TargetLifecycle(TargetServices services, @Nullable ThingHandler handler) {
        this.services = services;
        this.handler = handler;
    }

    /** The thing a configuration of this kind makes, registered; OFFLINE with the reason when it is wrong. */
    static <C extends PushTargetConfig> TargetLifecycle start(
            TargetKind<C> kind, Map<String, Object> properties, TargetServices services) {
        String type = kind.type();
        String thingId;
        try {
            thingId = ThingConfigurations.thingId(properties);
        } catch (IllegalArgumentException e) {
            LOGGER.warn("{}: push target not created: {}", ConfigSource.of(properties), e.getMessage());
            return new TargetLifecycle(services, null);
        }
        ThingUID uid = new ThingUID(type, thingId);
        ConfigReading<C> reading =
                services.configs.read(kind.configType(), kind.pid(), properties, HttpCommands::isCommandKey);
        C config = reading.values();
        String label = config.label().isEmpty() ? type : config.label();
        Map<String, Object> shown = shown(reading);
        boolean editable = ThingConfigurations.isEditable(properties);
        String source = ConfigSource.of(properties);
        reading.problems().forEach(p -> LOGGER.warn("{}: {}", source, p));
        ThingHandler handler;
        try {
            if (!reading.ok()) {
                throw new IllegalArgumentException(reading.summary());
            }
            DeviceSettings settings = settings(config, kind.protocols());
            if (config.certificateFingerprint().isEmpty()) { // the pin learned for the device at its address
                settings = settings.withCertificateFingerprint(
                        services.pins.pin(uid.toString(), settings.host(), settings.port()));
            }
            TargetPlan plan = kind.planner().plan(config, properties, services.transport);
            Duration interval = Seconds.of("interval", config.interval());
            Duration refresh = refreshInterval(config.refreshInterval());
            Thing thing = new Thing(uid, label, shown, editable, channels(plan), services.events).untilRegistered();
            handler = new TargetHandler(
                    thing,
                    settings,
                    plan,
                    interval.isZero() ? null : interval,
                    refresh,
                    services.timers,
                    services.pins,
                    services.transport,
                    services);
        } catch (IllegalArgumentException e) {
            String problem = String.valueOf(e.getMessage());
            if (reading.ok()) {
                LOGGER.warn("{}: {}", source, problem);
            }
            handler = new MisconfiguredTarget(
                    new Thing(uid, label, shown, editable, TargetChannels.STATUS, services.events).untilRegistered(),
                    problem);
            handler.thing().setStatus(ThingStatusInfo.offline(Detail.CONFIGURATION_ERROR, problem));
        }
        boolean added = services.registry.add(handler, source);
        if (handler instanceof TargetHandler target) {
            if (added) {
                target.startPolling();
            } else {
                target.dispose();
            }
        }
        return new TargetLifecycle(services, added ? handler : null);
    }

    /**
     * What is wrong with a configuration of this kind, judged as {@link #start} judges it (so a
     * configuration REST saves never makes a thing OFFLINE for its values); {@code null} when nothing.
     */
    static <C extends PushTargetConfig> @Nullable String problem(
            TargetKind<C> kind, Map<String, Object> properties, ConfigReader configs) {
        ConfigReading<C> reading = configs.read(kind.configType(), kind.pid(), properties, HttpCommands::isCommandKey);
        if (!reading.ok()) {
            return reading.summary();
        }
        C config = reading.values();
        try {
            settings(config, kind.protocols());
            kind.planner().plan(config, properties, null);
            Seconds.of("interval", config.interval());
            refreshInterval(config.refreshInterval());
            return null;
        } catch (IllegalArgumentException e) {
            return String.valueOf(e.getMessage());
        }
    }

    /** The refresh interval, {@code null} for 0 (off); at least a second otherwise. */
    static @Nullable Duration refreshInterval(double seconds) {
        Duration refresh = Seconds.of("refreshInterval", seconds);
        if (refresh.isZero()) {
            return null;
        }
        if (refresh.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("refreshInterval must be 0 (off) or at least 1 second, got " + seconds);
        }
        return refresh;
    }

    /** host (as the settings read it: stripped, no brackets), port, protocol, credentials, authMode, timeout, the configured pin. */
    private static DeviceSettings settings(PushTargetConfig config, Set<Protocol> allowed) {
        Protocol protocol = Protocol.valueOf(config.protocol().toUpperCase(Locale.ROOT));
        if (!allowed.contains(protocol)) {
            throw new IllegalArgumentException("protocol " + config.protocol()
                    + " is not available for this device; use "
                    + String.join(
                            " or ",
                            allowed.stream()
                                    .map(p -> p.name().toLowerCase(Locale.ROOT))
                                    .sorted()
                                    .toList()));
        }
        return new DeviceSettings(
                config.host(),
                TargetPlan.checked("port", config.port(), 0, 65535),
                protocol,
                config.username(),
                config.password(),
                AuthMode.valueOf(config.authMode().toUpperCase(Locale.ROOT)),
                Duration.ofMillis(TargetPlan.checked("timeout", config.timeout(), 1, 600_000)),
                config.certificateFingerprint().isEmpty() ? null : config.certificateFingerprint(),
                DeviceSettings.DEFAULT_MAX_CONCURRENT);
    }

    /** The configuration as users see it, the secret query parameters of command lines masked too. */
    private static Map<String, Object> shown(ConfigReading<?> reading) {
        Map<String, Object> shown = new LinkedHashMap<>(reading.shown());
        shown.replaceAll((key, value) ->
                HttpCommands.isCommandKey(key) ? HttpCommands.maskSecrets(String.valueOf(value)) : value);
        return shown;
    }

    static List<ChannelDefinition> channels(TargetPlan plan) {
        List<ChannelDefinition> channels = new ArrayList<>();
        Set<SwitchCommand> commands = plan.switchCommands();
        if (commands.contains(SwitchCommand.ON) || commands.contains(SwitchCommand.OFF) || plan.readsState()) {
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
                        channels.add(TargetChannels.action(name, HttpCommands.maskSecrets(command.line()))));
        channels.addAll(TargetChannels.STATUS);
        return channels;
    }

    void stop() {
        ThingHandler started = handler;
        if (started != null) {
            services.registry.unregister(started);
            if (started instanceof TargetHandler target) {
                target.dispose();
            }
        }
    }
}
