package org.camalarm.target;

import java.util.Map;
import java.util.Set;
import org.camalarm.push.Protocol;
import org.camalarm.push.SharedTransport;
import org.eclipse.jdt.annotation.Nullable;

/**
 * What makes one push-target type: its thing type id, its configuration interface (described
 * under the factory PID {@code camalarm.<type>}), the protocols it speaks, and how its
 * configuration becomes a {@link TargetPlan}. Shared by the thing it makes ({@link
 * TargetLifecycle#start}) and the check of a configuration before it is saved ({@link
 * TargetConfigCheck}), so both judge a configuration alike.
 */
record TargetKind<C extends PushTargetConfig>(
        String type, Class<C> configType, Set<Protocol> protocols, TargetKind.Planner<C> planner) {

    String pid() {
        return "camalarm." + type;
    }

    /** Reads the family parameters; throws IllegalArgumentException for bad ones. */
    @FunctionalInterface
    interface Planner<C> {
        /**
         * @param properties the whole configuration (a generic device's commands are its own keys)
         * @param transport  what a plan that asks the device sends on; {@code null} when only checking
         */
        TargetPlan plan(C config, Map<String, ?> properties, @Nullable SharedTransport transport);
    }
}
