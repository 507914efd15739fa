package org.camalarm.target;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camalarm.config.ConfigReader;
import org.eclipse.jdt.annotation.Nullable;

/** Checks a push target's configuration before it is saved, as its thing will judge it. */
public final class TargetConfigCheck {

    private static final List<TargetKind<?>> KINDS =
            List.of(ShellyTarget.KIND, AxisTarget.KIND, HttpTarget.KIND, TwoNRelayTarget.KIND, TwoNIntercomTarget.KIND);

    private TargetConfigCheck() {}

    /**
     * What is wrong with {@code properties} for a thing of {@code type} ({@code shelly}, …): the first
     * problem its thing would go OFFLINE for, or {@code null} (also for a type that is no push target).
     */
    public static @Nullable String problem(String type, Map<String, Object> properties, ConfigReader configs) {
        for (TargetKind<?> kind : KINDS) {
            if (kind.type().equals(type)) {
                return TargetLifecycle.problem(kind, properties, configs);
            }
        }
        return null;
    }

    /**
     * The protocols a push target of {@code type} speaks, as its {@code protocol} parameter writes
     * them ({@code http}, {@code udp}); empty for a type that is no push target. The Metatype of every
     * push target offers all of them (one shared description), a form only these.
     */
    public static Set<String> protocols(String type) {
        for (TargetKind<?> kind : KINDS) {
            if (kind.type().equals(type)) {
                return kind.protocols().stream()
                        .map(protocol -> protocol.name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet());
            }
        }
        return Set.of();
    }
}
