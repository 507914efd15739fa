package org.camalarm.rule;

import java.util.HashMap;
import java.util.Map;
import org.camalarm.config.TestConfigs;

/** Builds {@link Rule.Config}s the way the hub reads them: the given keys, the Metatype's defaults for the rest. */
final class RuleConfigs {

    private RuleConfigs() {}

    /** {@code config("when", "camalarm:vigi:frontdoor:humanAlarm", "then", ..., "interval", 2.0)}. */
    static Rule.Config config(Object... keysAndValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return TestConfigs.reader().read(Rule.Config.class, Rule.PID, values).values();
    }

    /** The service properties of the named factory configuration {@code camalarm.rule~<id>}. */
    static Map<String, Object> named(String id) {
        return Map.of("service.pid", "camalarm.rule~" + id, "service.factoryPid", "camalarm.rule");
    }
}
