package org.camalarm.rule;

import java.util.List;
import java.util.Map;
import org.camalarm.config.ConfigReader;
import org.camalarm.config.ConfigReading;
import org.camalarm.config.ConfigSource;
import org.camalarm.thing.ThingConfigurations;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A rule, one per {@code camalarm.rule} factory configuration: when the {@code when} channel
 * changes to {@code state} or fires {@code event}, send {@code command} to the {@code then}
 * channel, within {@code schedule} and at most once per {@code interval} (README, "Rules", says
 * each key and the schedule syntax). The rule id is the configuration name
 * ({@code conf/camalarm.rule-<id>.cfg}) or an explicit {@code thingId}. An invalid configuration
 * is logged as one line naming the rule and the problem; the rule stays inactive until it is fixed.
 */
@Component(
        configurationPid = Rule.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = Rule.Config.class, factory = true)
public class Rule {

    static final String PID = "camalarm.rule";

    @ObjectClassDefinition(
            name = "%rule.name",
            description = "%rule.description",
            localization = ConfigReader.LOCALIZATION)
    public interface Config {
        @AttributeDefinition(name = "%rule.when.name", description = "%rule.when.description")
        String when();

        @AttributeDefinition(name = "%rule.state.name", description = "%rule.state.description", required = false)
        String state();

        @AttributeDefinition(name = "%rule.event.name", description = "%rule.event.description", required = false)
        String event();

        @AttributeDefinition(name = "%rule.then.name", description = "%rule.then.description")
        String then();

        @AttributeDefinition(name = "%rule.command.name", description = "%rule.command.description")
        String command();

        @AttributeDefinition(
                name = "%rule.interval.name",
                description = "%rule.interval.description",
                defaultValue = "0")
        double interval();

        @AttributeDefinition(name = "%rule.schedule.name", description = "%rule.schedule.description", required = false)
        String schedule();

        @AttributeDefinition(
                name = "%rule.enabled.name",
                description = "%rule.enabled.description",
                defaultValue = "true")
        boolean enabled();
    }

    private static final Logger LOGGER = LoggerFactory.getLogger(Rule.class);
    private final RuleEngine engine;
    /** The rule registered (or waiting for its id), or {@code null} while the configuration is invalid. */
    private final @Nullable RuleDefinition definition;

    @Activate
    public Rule(@Reference RuleEngine engine, @Reference ConfigReader configs, Map<String, Object> properties) {
        this.engine = engine;
        this.definition = register(engine, configs.read(Config.class, PID, properties), properties);
    }

    /** A rule of a configuration read already (tests). */
    Rule(RuleEngine engine, Config config, Map<String, Object> properties) {
        this.engine = engine;
        this.definition = register(engine, new ConfigReading<>(config, Map.of(), List.of()), properties);
    }

    private static @Nullable RuleDefinition register(
            RuleEngine engine, ConfigReading<Config> reading, Map<String, Object> properties) {
        String source = ConfigSource.of(properties);
        String id;
        try {
            id = ThingConfigurations.thingId(properties);
        } catch (IllegalArgumentException e) {
            LOGGER.warn("{}: rule ignored: {}", source, e.getMessage());
            return null;
        }
        reading.problems().forEach(p -> LOGGER.warn("{}: {}", source, p));
        RuleDefinition definition;
        try {
            if (!reading.ok()) {
                throw new IllegalArgumentException(reading.summary());
            }
            definition = RuleDefinition.of(id, reading.values());
        } catch (IllegalArgumentException e) {
            if (reading.ok()) {
                LOGGER.warn("{}: {}", source, e.getMessage());
            }
            LOGGER.warn("Rule {} inactive until its configuration is fixed", id);
            return null;
        }
        if (!engine.register(definition)) { // the engine keeps it: it takes over when the other goes
            LOGGER.warn("{}: rule {} inactive: another rule configuration already has this id", source, id);
            return definition;
        }
        String failing = engine.links(definition).error(); // its device is there and cannot take the command
        if (failing != null) {
            LOGGER.warn("{}: rule {} is active but will fail at every firing: {}", source, id, failing);
        } else {
            LOGGER.info("Rule {} active: {}", id, definition);
        }
        return definition;
    }

    /** Whether the configuration was valid and the rule is registered. */
    boolean active() {
        RuleDefinition registered = definition;
        ActiveRule rule = registered == null ? null : engine.rule(registered.id());
        return rule != null && rule.definition() == registered;
    }

    @Deactivate
    void deactivate() {
        RuleDefinition registered = definition;
        if (registered != null) {
            engine.unregister(registered);
        }
    }
}
