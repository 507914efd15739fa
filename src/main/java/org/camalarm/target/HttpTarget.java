package org.camalarm.target;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.camalarm.config.ConfigReader;
import org.camalarm.push.GenericCommand;
import org.camalarm.push.GenericHttp;
import org.camalarm.push.Protocol;
import org.camalarm.push.StateRule;
import org.camalarm.push.SwitchCommand;
import org.camalarm.push.SwitchState;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Any device driven by HTTP, HTTPS or UDP requests (lights, web relays), with one channel per
 * command, {@code command.<name>=<METHOD> <path with query>} as the iVSEC camera's "API Command"
 * (see {@link HttpCommands}): thing {@code camalarm:http:<id>}. With {@code statusCommand} and a rule
 * to read its reply ({@code statusPointer} or {@code statusPattern}) the device's state is read back
 * after each command and shown in {@code power}.
 */
@Component(
        configurationPid = HttpTarget.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = HttpTarget.Config.class, factory = true)
public class HttpTarget {

    static final String TYPE = "http";
    static final String PID = "camalarm.http";

    @ObjectClassDefinition(
            name = "%http.name",
            description = "%http.description",
            localization = ConfigReader.LOCALIZATION)
    public interface Config extends PushTargetConfig {
        @AttributeDefinition(
                name = "%http.statusCommand.name",
                description = "%http.statusCommand.description",
                required = false)
        String statusCommand();

        @AttributeDefinition(
                name = "%http.statusPointer.name",
                description = "%http.statusPointer.description",
                required = false)
        String statusPointer();

        @AttributeDefinition(
                name = "%http.statusPattern.name",
                description = "%http.statusPattern.description",
                required = false)
        String statusPattern();
    }

    private final TargetLifecycle lifecycle;

    @Activate
    public HttpTarget(@Reference TargetServices services, Map<String, Object> properties) {
        lifecycle = TargetLifecycle.start(KIND, properties, services);
    }

    static final TargetKind<Config> KIND = new TargetKind<>(
            TYPE,
            Config.class,
            EnumSet.of(Protocol.HTTP, Protocol.HTTPS, Protocol.UDP),
            (config, properties, transport) -> plan(config, properties));

    /**
     * The commands, the state each declares ({@code command.<name>.state}), and the status command
     * with its reading rule: commands declaring ON and OFF also drive {@code power}.
     */
    static TargetPlan plan(Config config, Map<String, ?> properties) {
        Map<String, GenericCommand> commands = HttpCommands.read(properties);
        Map<String, SwitchState> states = HttpCommands.states(properties, commands.keySet());
        Map<SwitchCommand, GenericCommand> switching = new EnumMap<>(SwitchCommand.class);
        states.forEach((name, state) -> {
            SwitchCommand command = state == SwitchState.ON ? SwitchCommand.ON : SwitchCommand.OFF;
            if (switching.put(command, Objects.requireNonNull(commands.get(name))) != null) {
                throw new IllegalArgumentException(
                        "two commands declare state " + state + "; power can send only one of them");
            }
        });
        GenericCommand status = null;
        StateRule rule = null;
        if (!config.statusCommand().isBlank()) {
            if (Protocol.UDP.name().equalsIgnoreCase(config.protocol())) {
                throw new IllegalArgumentException("statusCommand: a UDP device sends no reply to read a state from");
            }
            status = HttpCommands.parse("statusCommand", config.statusCommand());
            rule = stateRule(config);
        } else if (!config.statusPointer().isBlank() || !config.statusPattern().isBlank()) {
            throw new IllegalArgumentException(
                    "statusPointer and statusPattern read the reply of statusCommand, which is not set");
        }
        GenericHttp family = new GenericHttp(switching, status, rule);
        return new TargetPlan(
                switching.keySet(),
                commands,
                states,
                family.readsState(),
                settings -> CompletableFuture.completedFuture(family));
    }

    private static StateRule stateRule(Config config) {
        boolean pointer = !config.statusPointer().isBlank();
        boolean pattern = !config.statusPattern().isBlank();
        if (pointer == pattern) {
            throw new IllegalArgumentException("statusCommand needs statusPointer (a JSON pointer such as /ison)"
                    + " or statusPattern (a regular expression), exactly one");
        }
        try {
            return pointer ? StateRule.pointer(config.statusPointer()) : StateRule.pattern(config.statusPattern());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException((pointer ? "statusPointer: " : "statusPattern: ") + e.getMessage(), e);
        }
    }

    @Deactivate
    void deactivate() {
        lifecycle.stop();
    }
}
