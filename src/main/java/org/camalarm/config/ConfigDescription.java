package org.camalarm.config;

import java.util.List;
import java.util.Optional;

/**
 * A configuration as the bundle's Metatype describes it: one thing type, the rule, or the alarm
 * server.
 *
 * @param pid         the (factory) PID, e.g. {@code camalarm.vigi}
 * @param factory     whether it describes factory configurations (things, rules), not one singleton
 * @param name        its label, localized
 * @param description what it configures, localized
 * @param attributes  its keys, in declaration order
 */
public record ConfigDescription(
        String pid, boolean factory, String name, String description, List<AttributeDescription> attributes) {

    public Optional<AttributeDescription> attribute(String id) {
        return attributes.stream().filter(a -> a.id().equals(id)).findFirst();
    }
}
