package org.camalarm.rule;

/**
 * Told every rule firing once its push ended, on the thread that ended it: an implementation must
 * only queue, never block or throw. Register one as an OSGi service (whiteboard); the event history does.
 */
public interface RuleListener {

    void ruleFinished(RuleFiring firing);
}
