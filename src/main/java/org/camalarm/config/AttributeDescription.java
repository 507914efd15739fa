package org.camalarm.config;

import java.util.List;
import java.util.Map;

/**
 * One configuration key as the bundle's Metatype describes it.
 *
 * @param id          the key ({@code holdTime})
 * @param name        a short label, localized
 * @param description what the key means, localized; empty when none
 * @param type        {@code String}, {@code Integer}, {@code Long}, {@code Double}, {@code Boolean} or
 *                    {@code Password}
 * @param multiple    whether it takes a list of values
 * @param defaults    the default value(s); empty when there is none
 * @param options     the allowed values and their labels, in order; empty when any value is allowed
 * @param required    whether a value must be given (there is no default to fall back on)
 */
public record AttributeDescription(
        String id,
        String name,
        String description,
        String type,
        boolean multiple,
        List<String> defaults,
        Map<String, String> options,
        boolean required) {

    public static final String STRING = "String";
    public static final String INTEGER = "Integer";
    public static final String LONG = "Long";
    public static final String DOUBLE = "Double";
    public static final String BOOLEAN = "Boolean";
    public static final String PASSWORD = "Password";

    /** Whether the value is a secret: never shown, never logged. */
    public boolean secret() {
        return PASSWORD.equals(type);
    }
}
