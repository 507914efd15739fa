package org.camalarm.rule;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds a {@link Rule.Config} the way DS does: the given properties, the annotation's defaults
 * for the rest (what the OSGi Converter would do, without the dependency).
 */
final class RuleConfigs {

    private RuleConfigs() {}

    /** {@code config("when", "camalarm:vigi:frontdoor:humanAlarm", "then", ..., "interval", 2.0)}. */
    static Rule.Config config(Object... keysAndValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return (Rule.Config) Proxy.newProxyInstance(
                Rule.Config.class.getClassLoader(),
                new Class<?>[] {Rule.Config.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> Rule.Config.class;
                    case "toString" -> "Rule.Config" + values;
                    case "hashCode" -> values.hashCode();
                    case "equals" -> proxy == args[0];
                    default -> values.getOrDefault(method.getName(), method.getDefaultValue());
                });
    }

    /** The service properties of the named factory configuration {@code camalarm.rule~<id>}. */
    static Map<String, Object> named(String id) {
        return Map.of("service.pid", "camalarm.rule~" + id, "service.factoryPid", "camalarm.rule");
    }
}
