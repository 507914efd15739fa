package org.camalarm.rule;

import java.util.Map;
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
 * channel, within {@code schedule} and at most once per {@code interval}. The rule id is the
 * configuration name: {@code conf/camalarm.rule-<id>.cfg} (PID {@code camalarm.rule~<id>}), or an
 * explicit {@code thingId} property; letters, digits, {@code _} and {@code -}.
 *
 * <p>Configuration:
 * <ul>
 * <li>{@code when} (required): the channel UID watched, {@code camalarm:<type>:<id>:<channelId>};</li>
 * <li>{@code state}: {@code ON} or {@code OFF} (any case) for a state channel: fire when it changes
 * to that state;</li>
 * <li>{@code event}: for a trigger channel, the payload that fires (e.g. {@code PERSON}, any case);
 * empty = any event. With neither {@code state} nor {@code event}, a state channel fires when it
 * changes to {@code ON} and a trigger channel on any event. Giving both is an error;</li>
 * <li>{@code then} (required): the push target channel UID, e.g. {@code camalarm:shelly:gate:power};</li>
 * <li>{@code command} (required): {@code ON}, {@code OFF}, {@code TOGGLE}, {@code PULSE} (any case),
 * or the name of an {@code http} thing's command, sent as written;</li>
 * <li>{@code interval} (seconds, default 0 = none): the minimum time between two firings; firings
 * inside it are skipped and counted, never queued;</li>
 * <li>{@code schedule} (default empty = always): when the rule may fire, see below;</li>
 * <li>{@code enabled} (default {@code true}).</li>
 * </ul>
 *
 * <p>Schedule syntax: one or more windows separated by {@code ;}, each {@code [DAYS] HH:MM-HH:MM}.
 * DAYS is a day {@code Mon}, {@code Tue}, {@code Wed}, {@code Thu}, {@code Fri}, {@code Sat},
 * {@code Sun} (any case), a range {@code Mon-Fri} (wrapping ranges such as {@code Fri-Mon} are
 * allowed), a list {@code Sat,Sun} (of days or ranges, no blanks), or {@code *} or {@code daily};
 * omitted, it means every day. Hours and minutes have two digits. A window covers its start up to,
 * not including, its end. A window whose end is not after its start crosses midnight and belongs to
 * the day it starts on: {@code Fri 22:00-06:00} covers Friday 22:00 to Saturday 06:00.
 * {@code 00:00-24:00} is the whole day; {@code 24:00} may only end a window. Times are the hub's
 * local time (its clock's time zone). Examples: {@code 22:00-06:00},
 * {@code Mon-Fri 18:00-07:00; Sat,Sun 00:00-24:00}.
 *
 * <p>An invalid configuration is logged as one error line naming the rule and the problem, and the
 * rule stays inactive until the configuration is fixed.
 */
@Component(
        configurationPid = "camalarm.rule",
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = Rule.Config.class, factory = true)
public class Rule {

    @ObjectClassDefinition(
            name = "camalarm rule",
            description = "When a channel changes or fires, send a command"
                    + " to a push target channel, within a schedule and at most once per interval.")
    public @interface Config {
        @AttributeDefinition(
                name = "When",
                description = "Channel UID that triggers the rule,"
                        + " camalarm:<type>:<id>:<channelId>, e.g. camalarm:vigi:frontdoor:humanAlarm")
        String when() default "";

        @AttributeDefinition(
                name = "State",
                required = false,
                description = "For a state channel: ON or OFF,"
                        + " the state it changes to. Empty (and no event): fires on a change to ON")
        String state() default "";

        @AttributeDefinition(
                name = "Event",
                required = false,
                description = "For a trigger channel: the event"
                        + " that fires the rule, e.g. PERSON or VEHICLE; empty for any event")
        String event() default "";

        @AttributeDefinition(
                name = "Then",
                description = "Push target channel UID that receives the command," + " e.g. camalarm:shelly:gate:power")
        String then() default "";

        @AttributeDefinition(
                name = "Command",
                description = "ON, OFF, TOGGLE, PULSE, or the name of an http" + " thing's command")
        String command() default "";

        @AttributeDefinition(
                name = "Interval",
                description = "Minimum seconds between two firings; firings" + " inside it are skipped. 0 for none",
                min = "0")
        double interval() default 0;

        @AttributeDefinition(
                name = "Schedule",
                required = false,
                description = "When the rule may fire,"
                        + " hub local time: windows [DAYS] HH:MM-HH:MM separated by ';', e.g."
                        + " 'Mon-Fri 18:00-07:00; Sat,Sun 00:00-24:00'. DAYS: Mon..Sun, a range Mon-Fri, a list"
                        + " Sat,Sun, or * (every day, also when omitted). A window ending before it starts crosses"
                        + " midnight. Empty: always")
        String schedule() default "";

        @AttributeDefinition(name = "Enabled", description = "Whether the rule fires")
        boolean enabled() default true;
    }

    private static final Logger LOGGER = LoggerFactory.getLogger(Rule.class);
    private final RuleEngine engine;
    /** The registered rule, or {@code null} while the configuration is invalid. */
    private final @Nullable RuleDefinition definition;

    @Activate
    public Rule(@Reference RuleEngine engine, Config config, Map<String, Object> properties) {
        this.engine = engine;
        this.definition = register(engine, config, properties);
    }

    private static @Nullable RuleDefinition register(RuleEngine engine, Config config, Map<String, Object> properties) {
        String id;
        try {
            id = ThingConfigurations.thingId(properties);
        } catch (IllegalArgumentException e) {
            LOGGER.error("Rule configuration {} ignored: {}", properties.get("service.pid"), e.getMessage());
            return null;
        }
        RuleDefinition definition;
        try {
            definition = RuleDefinition.of(id, config);
        } catch (RuntimeException e) { // IllegalArgumentException, or DS failing to convert a value
            LOGGER.error("Rule {} inactive: {}", id, e.getMessage());
            return null;
        }
        if (!engine.register(definition)) {
            LOGGER.error("Rule {} inactive: another rule configuration already has this id", id);
            return null;
        }
        LOGGER.debug("Rule {} active: {}", id, definition);
        return definition;
    }

    /** Whether the configuration was valid and the rule is registered. */
    boolean active() {
        return definition != null;
    }

    @Deactivate
    void deactivate() {
        RuleDefinition registered = definition;
        if (registered != null) {
            engine.unregister(registered);
        }
    }
}
