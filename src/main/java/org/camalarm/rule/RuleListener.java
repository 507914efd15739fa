package org.camalarm.rule;

/**
 * Told every rule firing as it fires and once its push ended, on the thread that fired or ended it:
 * an implementation must only queue or note, never block or throw. Register one as an OSGi service
 * (whiteboard); the event history and the REST API's rule activity do. For a firing,
 * {@link #ruleFired} always comes before {@link #ruleFinished}.
 */
public interface RuleListener {

    /** A rule fired: its push has started. */
    default void ruleFired(String rule, String trigger, long firedAt) {}

    /**
     * Its condition was met but the rule did not fire: {@code why} says it to its user ("outside its
     * schedule Mon-Fri 18:00-07:00", "within its interval of 60 s", "disabled").
     */
    default void ruleSkipped(String rule, String trigger, long at, String why) {}

    void ruleFinished(RuleFiring firing);
}
