package org.camalarm.rule;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A registered rule with what it remembers between events: when it last fired, how many firings
 * its interval skipped, and whether its target problem was already logged. Thread-safe: events
 * may arrive on several threads, outcomes on push threads.
 */
final class ActiveRule {

    /** Why a rule did or did not fire on an event. */
    enum Decision {
        FIRE,
        NO_MATCH,
        DISABLED,
        OUTSIDE_SCHEDULE,
        INSIDE_INTERVAL
    }

    private static final long NEVER = Long.MIN_VALUE;

    private final RuleDefinition definition;
    private final String whenText;
    private final String thenText;
    private final String firedTopic;
    private final String resultTopic;
    private final AtomicLong lastFiredMillis = new AtomicLong(NEVER);
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicBoolean problemLogged = new AtomicBoolean();

    ActiveRule(RuleDefinition definition) {
        this.definition = definition;
        this.whenText = definition.when().toString();
        this.thenText = definition.then().toString();
        this.firedTopic = RuleEngine.FIRED_TOPIC + "/" + definition.id();
        this.resultTopic = RuleEngine.RESULT_TOPIC + "/" + definition.id();
    }

    /**
     * Decides whether the rule fires on a state change or trigger of its {@code when} channel, in
     * this order: condition, enabled, schedule, interval. Only a firing moves the interval on.
     * Allocates nothing unless the rule has a schedule.
     *
     * @param nowMillis {@code clock.millis()}, read once per event
     */
    Decision decide(@Nullable String newState, @Nullable String triggerEvent, Clock clock, long nowMillis) {
        if (!definition.condition().matches(newState, triggerEvent)) {
            return Decision.NO_MATCH;
        }
        if (!definition.enabled()) {
            return Decision.DISABLED;
        }
        Schedule schedule = definition.schedule();
        if (!schedule.isAlways() && !schedule.allows(LocalDateTime.now(clock))) {
            return Decision.OUTSIDE_SCHEDULE;
        }
        return admit(nowMillis) ? Decision.FIRE : Decision.INSIDE_INTERVAL;
    }

    /** Fires unless the last firing is less than the interval ago; a clock set back never blocks. */
    private boolean admit(long nowMillis) {
        long interval = definition.intervalMillis();
        if (interval == 0) {
            return true;
        }
        while (true) {
            long last = lastFiredMillis.get();
            if (last != NEVER && nowMillis >= last && nowMillis - last < interval) {
                skipped.incrementAndGet();
                return false;
            }
            if (lastFiredMillis.compareAndSet(last, nowMillis)) {
                return true;
            }
        }
    }

    /** True the first time a target problem occurs, and again after the target was reached since. */
    boolean firstProblem() {
        return problemLogged.compareAndSet(false, true);
    }

    /** The target was reached: the next problem is logged again. */
    void reached() {
        if (problemLogged.get()) {
            problemLogged.set(false);
        }
    }

    RuleDefinition definition() {
        return definition;
    }

    String id() {
        return definition.id();
    }

    String whenText() {
        return whenText;
    }

    String thenText() {
        return thenText;
    }

    String firedTopic() {
        return firedTopic;
    }

    String resultTopic() {
        return resultTopic;
    }

    /** Firings skipped because they came inside the interval, since the rule was registered. */
    long skipped() {
        return skipped.get();
    }
}
