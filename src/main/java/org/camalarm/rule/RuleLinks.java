package org.camalarm.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camalarm.config.ConfigReader;
import org.camalarm.config.ConfigReading;
import org.camalarm.target.PushTargetHandler;
import org.camalarm.thing.ThingHandler;
import org.camalarm.thing.ThingRegistry;
import org.eclipse.jdt.annotation.Nullable;

/**
 * What is wrong with a rule configuration, judged alone (the Metatype's checks, then the rule's
 * own: channel UIDs, state, schedule) and against the things there are now. An {@code error} keeps
 * it from being active, or makes it fail at every firing (its device is there and cannot take its
 * command, or is no device). {@code warnings} name a thing or channel not there: it may come later
 * (a file written after the rule, a camera's channel made at its first event of a new type), or it
 * is a typo or a deleted thing. For checking a rule before it is written, and for listing it.
 */
public record RuleLinks(@Nullable String error, List<String> warnings) {

    /** Checks {@code properties}, then against {@code registry}; the error is one sentence naming its key. */
    public static RuleLinks check(ConfigReader configs, Map<String, ?> properties, ThingRegistry registry) {
        ConfigReading<Rule.Config> reading = configs.read(Rule.Config.class, Rule.PID, properties);
        if (!reading.ok()) {
            return new RuleLinks(reading.summary(), List.of());
        }
        RuleDefinition rule;
        try {
            rule = RuleDefinition.of("check", reading.values());
        } catch (IllegalArgumentException e) {
            return new RuleLinks(String.valueOf(e.getMessage()), List.of());
        }
        return against(rule, registry);
    }

    /** A valid rule against the things there are now. */
    static RuleLinks against(RuleDefinition rule, ThingRegistry registry) {
        List<String> warnings = new ArrayList<>();
        Optional<ThingHandler> camera = registry.byUID(rule.when().thing());
        if (camera.isEmpty()) {
            warnings.add("when: " + rule.when().thing() + " is no thing (now)");
        } else if (!camera.get().thing().hasChannel(rule.when().channelId())) {
            warnings.add("when: " + camera.get().thing().label() + " has no channel "
                    + rule.when().channelId() + " (yet: a camera makes one at the first event of its type)");
        }
        Optional<ThingHandler> device = registry.byUID(rule.then().thing());
        if (device.isEmpty()) {
            warnings.add("then: " + rule.then().thing() + " is no thing (now)");
            return new RuleLinks(null, List.copyOf(warnings));
        }
        if (!(device.get() instanceof PushTargetHandler target)) {
            return new RuleLinks(
                    "then: " + device.get().thing().label() + " (" + rule.then().thing() + ") takes no commands",
                    List.copyOf(warnings));
        }
        String refused = target.refusal(rule.then().channelId(), rule.command());
        String key = target.thing().hasChannel(rule.then().channelId()) ? "command: " : "then: ";
        return new RuleLinks(refused == null ? null : key + refused, List.copyOf(warnings));
    }
}
