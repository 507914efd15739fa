/**
 * Rules: "when this channel changes or fires, send that command to that push target", within a
 * schedule and no more often than an interval; and the EventAdmin command topic through which
 * other bundles send the same commands.
 *
 * <p>{@link org.camalarm.rule.Rule} turns one {@code camalarm.rule} factory configuration into a
 * rule and hands it to the {@link org.camalarm.rule.RuleEngine}, which listens to the things'
 * state and trigger topics. {@link org.camalarm.rule.CommandTopicHandler} serves
 * {@code camalarm/command}. Both send through the same lookup ({@code PushDispatcher}) and report
 * every outcome as an event. Rules only speak channel UIDs and commands: they know nothing of
 * cameras or of HTTP.
 */
@NonNullByDefault
package org.camalarm.rule;

import org.eclipse.jdt.annotation.NonNullByDefault;
