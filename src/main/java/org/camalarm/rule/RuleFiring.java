package org.camalarm.rule;

import org.eclipse.jdt.annotation.Nullable;

/**
 * A rule that fired, and how its push ended (the properties of {@code camalarm/rule/result}).
 *
 * @param rule      the rule id
 * @param when      the channel UID that fired it
 * @param then      the target channel UID
 * @param trigger   the state or event that fired it
 * @param firedAt   when it fired (epoch ms)
 * @param reason    a push result reason, or {@code NO_TARGET}, {@code BAD_COMMAND}, {@code ERROR}
 * @param status    the device's HTTP status, or {@code null}
 */
public record RuleFiring(
        String rule,
        String when,
        String then,
        String command,
        String trigger,
        long firedAt,
        boolean success,
        String reason,
        String detail,
        @Nullable Integer status,
        long latencyMs) {}
