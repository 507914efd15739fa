package org.camalarm.config;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Reads a configuration dictionary through a typed interface, as DS reads component property
 * types, but with the Metatype's defaults (an interface has no annotation defaults) and without
 * failing: every value that cannot be used becomes a {@link ConfigProblem} and its default is used
 * instead. Values come typed from Configuration Admin tools, or as strings from {@code .cfg} files.
 */
final class TypedValues {

    /** Keys of Configuration Admin, FileInstall, DS, and the explicit thing id: never unknown. */
    private static final List<String> FRAMEWORK_PREFIXES = List.of("service.", "felix.", "component.", "osgi.");

    private static final String THING_ID = "thingId";

    private TypedValues() {}

    static <T> ConfigReading<T> read(
            Class<T> type, ConfigDescription description, Map<String, ?> properties, Predicate<String> moreKeys) {
        if (!type.isInterface()) {
            throw new IllegalArgumentException(type + " is not an interface");
        }
        Map<String, Object> values = new HashMap<>();
        Map<String, Object> shown = new LinkedHashMap<>();
        List<ConfigProblem> problems = new ArrayList<>();
        for (Method method : type.getMethods()) {
            if (method.isDefault() || Modifier.isStatic(method.getModifiers()) || method.getParameterCount() > 0) {
                continue;
            }
            String key = key(method.getName());
            AttributeDescription attribute = description
                    .attribute(key)
                    .orElseThrow(() -> new IllegalArgumentException(type.getName() + "." + method.getName()
                            + " has no Metatype attribute in " + description.pid()));
            Object value = value(method.getReturnType(), attribute, properties.get(key), problems);
            values.put(method.getName(), value);
            shown.put(key, shown(attribute, value));
        }
        for (Map.Entry<String, ?> entry : new TreeMap<String, Object>(properties).entrySet()) {
            String key = entry.getKey();
            if (description.attribute(key).isPresent() || isFrameworkKey(key)) {
                continue;
            }
            if (moreKeys.test(key)) {
                shown.put(key, String.valueOf(entry.getValue()));
            } else {
                problems.add(unknown(key, entry.getValue(), description.attributes()));
            }
        }
        problems.sort(Comparator.comparing(ConfigProblem::key));
        return new ConfigReading<>(
                proxy(type, description.pid(), values), Collections.unmodifiableMap(shown), List.copyOf(problems));
    }

    /**
     * Checks a configuration against its description alone, as {@link #read} would find it: every
     * described key by its Metatype type, options and requiredness, and every unknown key.
     */
    static List<ConfigProblem> check(
            ConfigDescription description, Map<String, ?> properties, Predicate<String> moreKeys) {
        List<ConfigProblem> problems = new ArrayList<>();
        for (AttributeDescription attribute : description.attributes()) {
            Object given = properties.get(attribute.id());
            if (given instanceof String[] list && !attribute.multiple()) {
                // read, it would be its first element: a client that sent a list meant something else
                problems.add(new ConfigProblem(
                        attribute.id(),
                        attribute.secret() ? null : Arrays.toString(list),
                        "takes one value, not a list"));
                continue;
            }
            value(javaType(attribute), attribute, given, problems);
        }
        for (Map.Entry<String, ?> entry : new TreeMap<String, Object>(properties).entrySet()) {
            String key = entry.getKey();
            if (description.attribute(key).isEmpty() && !isFrameworkKey(key) && !moreKeys.test(key)) {
                problems.add(unknown(key, entry.getValue(), description.attributes()));
            }
        }
        problems.sort(Comparator.comparing(ConfigProblem::key));
        return List.copyOf(problems);
    }

    /** The Java type a typed interface would declare for an attribute. */
    private static Class<?> javaType(AttributeDescription attribute) {
        if (attribute.multiple()) {
            return String[].class;
        }
        return switch (attribute.type()) {
            case AttributeDescription.INTEGER -> int.class;
            case AttributeDescription.LONG -> long.class;
            case AttributeDescription.DOUBLE -> double.class;
            case AttributeDescription.BOOLEAN -> boolean.class;
            default -> String.class;
        };
    }

    private static Object shown(AttributeDescription attribute, Object value) {
        if (attribute.secret()) {
            return String.valueOf(value).isEmpty() ? "" : ConfigReading.MASK;
        }
        return value instanceof String[] array ? List.of(array) : value;
    }

    private static boolean isFrameworkKey(String key) {
        return THING_ID.equals(key)
                || FRAMEWORK_PREFIXES.stream().anyMatch(key::startsWith)
                || "objectClass".equals(key);
    }

    /** The value to return, or the default (a type's zero for a required one) after adding the problem. */
    private static Object value(
            Class<?> returnType, AttributeDescription attribute, @Nullable Object raw, List<ConfigProblem> problems) {
        List<String> given = texts(raw);
        if (given.isEmpty()) {
            if (attribute.required()) {
                problems.add(new ConfigProblem(attribute.id(), null, "is required: " + what(attribute)));
                return zero(returnType);
            }
            return fallback(returnType, attribute);
        }
        try {
            return convert(returnType, attribute, given);
        } catch (IllegalArgumentException e) {
            String shown = attribute.secret() ? null : String.join(",", given);
            problems.add(new ConfigProblem(attribute.id(), shown, String.valueOf(e.getMessage())));
            return attribute.required() ? zero(returnType) : fallback(returnType, attribute);
        }
    }

    /** The Metatype's default; one that does not convert is a defect of ours. */
    private static Object fallback(Class<?> returnType, AttributeDescription attribute) {
        if (attribute.defaults().isEmpty()) {
            return zero(returnType);
        }
        try {
            return convert(returnType, attribute, attribute.defaults());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "the Metatype default of " + attribute.id() + " is unusable: " + e.getMessage(), e);
        }
    }

    /** The non-blank texts of a value: one for a scalar, one per element for an array or list. */
    private static List<String> texts(@Nullable Object raw) {
        List<String> texts = new ArrayList<>();
        if (raw instanceof Object[] array) {
            for (Object element : array) {
                addText(texts, element);
            }
        } else if (raw instanceof Collection<?> collection) {
            collection.forEach(element -> addText(texts, element));
        } else {
            addText(texts, raw);
        }
        return texts;
    }

    private static void addText(List<String> texts, @Nullable Object element) {
        if (element != null && !String.valueOf(element).isBlank()) {
            texts.add(String.valueOf(element).strip());
        }
    }

    private static Object convert(Class<?> returnType, AttributeDescription attribute, List<String> texts) {
        if (returnType == String[].class) {
            String[] values = new String[texts.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = option(attribute, texts.get(i));
            }
            return values;
        }
        String text = option(attribute, texts.get(0));
        if (returnType == String.class) {
            return text;
        }
        if (returnType == int.class || returnType == Integer.class) {
            long value = whole(text);
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("is too large a number");
            }
            return (int) value;
        }
        if (returnType == long.class || returnType == Long.class) {
            return whole(text);
        }
        if (returnType == double.class || returnType == Double.class) {
            return decimal(text);
        }
        if (returnType == boolean.class || returnType == Boolean.class) {
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(text);
            }
            throw new IllegalArgumentException("must be true or false");
        }
        throw new IllegalStateException("configuration values of type " + returnType + " are not supported");
    }

    /** The text as one of the attribute's options (matched ignoring case), when it has options. */
    private static String option(AttributeDescription attribute, String text) {
        if (attribute.options().isEmpty() || attribute.options().containsKey(text)) {
            return text;
        }
        for (String option : attribute.options().keySet()) {
            if (option.equalsIgnoreCase(text)) {
                return option;
            }
        }
        throw new IllegalArgumentException(
                "must be one of " + String.join(", ", attribute.options().keySet()));
    }

    private static long whole(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            // "5.0" from a tool that wrote a double: a whole number all the same
            double value = decimal(text);
            if (value != Math.rint(value) || Math.abs(value) > Long.MAX_VALUE) {
                throw new IllegalArgumentException("is not a whole number", e);
            }
            return (long) value;
        }
    }

    private static double decimal(String text) {
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("is not a number");
    }

    private static Object zero(Class<?> returnType) {
        if (returnType == int.class) {
            return 0;
        }
        if (returnType == long.class) {
            return 0L;
        }
        if (returnType == double.class) {
            return 0.0;
        }
        if (returnType == boolean.class) {
            return false;
        }
        return returnType == String[].class ? new String[0] : "";
    }

    /** What a value should be, for "is required" problems. */
    private static String what(AttributeDescription attribute) {
        return attribute.description().isEmpty() ? attribute.name() : attribute.description();
    }

    private static ConfigProblem unknown(String key, @Nullable Object value, List<AttributeDescription> known) {
        String closest = null;
        int best = Integer.MAX_VALUE;
        boolean closestIsSecret = false;
        for (AttributeDescription attribute : known) {
            int distance = distance(key.toLowerCase(Locale.ROOT), attribute.id().toLowerCase(Locale.ROOT));
            if (distance < best) {
                best = distance;
                closest = attribute.id();
                closestIsSecret = attribute.secret();
            }
        }
        boolean near = closest != null && best <= Math.max(2, key.length() / 3);
        String message = near
                ? "unknown key; did you mean " + closest + "?"
                : "unknown key; known keys are "
                        + known.stream().map(AttributeDescription::id).collect(Collectors.joining(", "));
        // apiTokn=hunter2 is a secret misspelt: its value is never quoted in a log or a status
        boolean shown = value != null && !(near && closestIsSecret);
        return new ConfigProblem(key, shown ? String.valueOf(value) : null, message);
    }

    /** Levenshtein distance, for "did you mean". */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /**
     * The configuration key of a method, as DS (112.8.2.2) and Metatype name them: {@code $$} is
     * {@code $}, {@code $_$} is {@code -}, a lone {@code $} is dropped, {@code __} is {@code _} and
     * {@code _} is {@code .}.
     */
    static String key(String methodName) {
        StringBuilder key = new StringBuilder(methodName.length());
        for (int i = 0; i < methodName.length(); i++) {
            char c = methodName.charAt(i);
            if (c == '$') {
                if (methodName.startsWith("$$", i)) {
                    key.append('$');
                    i++;
                } else if (methodName.startsWith("$_$", i)) {
                    key.append('-');
                    i += 2;
                }
            } else if (c == '_') {
                if (methodName.startsWith("__", i)) {
                    key.append('_');
                    i++;
                } else {
                    key.append('.');
                }
            } else {
                key.append(c);
            }
        }
        return key.toString();
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, String pid, Map<String, Object> values) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.isDefault()) {
                return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
            }
            return switch (method.getName()) {
                case "toString" -> pid + values.keySet().stream().sorted().collect(Collectors.toList());
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> args != null && proxy == args[0];
                default -> values.get(method.getName());
            };
        });
    }
}
