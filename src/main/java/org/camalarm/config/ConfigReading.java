package org.camalarm.config;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A configuration read through its typed interface: the values (the Metatype's defaults where a
 * key is absent or its value unusable) and every problem found.
 *
 * @param values   the typed view; usable even when there are problems
 * @param shown    the configuration as users may see it (REST, UI): every described key with its
 *                 value in effect, secrets as {@value #MASK} (empty when unset), then the extra keys
 *                 the reader accepted, as given
 * @param problems in key order; empty when the configuration is sound
 */
public record ConfigReading<T>(T values, Map<String, Object> shown, List<ConfigProblem> problems) {

    /** How a secret that is set is shown. */
    public static final String MASK = "******";

    public boolean ok() {
        return problems.isEmpty();
    }

    /**
     * {@code lenientPort=abc: is not a number; lenientPort=0 applies}: a problem, and the value in
     * effect instead (the default), for configurations that run on with it rather than stop (the
     * server's, the history's). Without the value when there is none to show (an unknown key, a secret).
     */
    public String withValueInEffect(ConfigProblem problem) {
        Object inEffect = problem.key().isEmpty() ? null : shown.get(problem.key());
        String text = inEffect instanceof Collection<?> list
                ? list.stream().map(String::valueOf).collect(Collectors.joining(","))
                : inEffect instanceof Double number && number == Math.rint(number) && Math.abs(number) < 1e15
                        ? String.valueOf(number.longValue()) // maxAgeDays=30, as a file says it
                        : inEffect == null ? "" : String.valueOf(inEffect);
        if (text.isEmpty() || MASK.equals(text)) {
            return problem.toString();
        }
        return problem + "; " + problem.key() + "=" + text + " applies";
    }

    /** All problems in one sentence for a thing's status, e.g. {@code holdTime=ten: is not a number}. */
    public String summary() {
        return problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("; "));
    }
}
