package org.camalarm.rule;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camalarm.rule.ActiveRule.Decision;
import org.camalarm.thing.State;
import org.camalarm.thing.ThingEvents;
import org.camalarm.thing.ThingListener;
import org.camalarm.thing.ThingRegistry;
import org.camalarm.thing.ThingUID;
import org.camalarm.time.RateLimit;
import org.camalarm.time.Timers;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link Rule}s: when a watched channel changes from one known state to another (not from
 * {@code NULL}: a thing starting up sets its channels, it detects nothing) or fires, checks each
 * rule's condition, {@code enabled}, schedule (at the {@link Timers} clock's time) and interval, and
 * sends its command to its {@code then} channel. Posts {@value #FIRED_TOPIC}{@code /<ruleId>} when a
 * rule fires and {@value #RESULT_TOPIC}{@code /<ruleId>} when its push completes (README, "Driving
 * pushes from other bundles", lists their properties).
 *
 * <p>Hears thing changes as a {@link ThingListener}: synchronously, on the thread that made the
 * change (a camera's alarm request, the timer thread for a hold's end). Posting them on EventAdmin
 * for the rules cost the alarm path two thread hand-offs (EventAdmin's queue, then its timed handler
 * call) before the push could start; now a rule's push is handed to its target before the camera is
 * answered, and the alarm path posts nothing no other bundle subscribes to: the fired and result
 * events go on EventAdmin only while some EventHandler subscribes to them, and this bundle's own
 * consumers (the history, the REST API's rule activity) are {@link RuleListener}s, told directly.
 *
 * <p>Threading: {@link #stateChanged} and {@link #triggered} never wait for a push; the result is
 * posted from whichever thread completes it. One rule failing never stops the others. A
 * missing target is logged at warn once per rule (again only after it was reached in between).
 */
@Component(service = {RuleEngine.class, ThingListener.class})
public class RuleEngine implements ThingListener {

    public static final String FIRED_TOPIC = "camalarm/rule/fired";
    public static final String RESULT_TOPIC = "camalarm/rule/result";
    /** Event property names (plus those of {@link CommandOutcome}). */
    public static final String RULE = "rule";

    public static final String WHEN = "when";
    public static final String THEN = "then";
    public static final String COMMAND = "command";
    public static final String TRIGGER = "trigger";

    private static final Logger LOGGER = LoggerFactory.getLogger(RuleEngine.class);
    /** A rule that fires on every alarm of a busy camera says so a few times a minute. */
    private final RateLimit firingLines = new RateLimit(10, Duration.ofMinutes(1), Clock.systemUTC());

    private final EventAdmin eventAdmin;
    /** Whether an EventHandler subscribes to a topic. */
    private final ThingEvents bus;

    private final PushDispatcher dispatcher;
    private final Timers timers;
    /** The hot path's index: rules by their {@code when} channel UID; arrays are never modified. */
    private final ConcurrentMap<String, ActiveRule[]> byWhen = new ConcurrentHashMap<>();
    /** Guarded by itself; also serializes changes of {@link #byWhen}. */
    private final Map<String, ActiveRule> byId = new HashMap<>();
    /** Rules whose id another has, in registration order: the first takes over when that one goes. */
    private final Map<String, List<RuleDefinition>> waiting = new HashMap<>();

    /** Rule decisions running on this thread (0 or 1): a change they cause is decided later, elsewhere. */
    private static final ThreadLocal<int[]> FIRING = ThreadLocal.withInitial(() -> new int[1]);

    /** Told every firing and its result (the event history, the REST API's rule activity). */
    private final List<RuleListener> listeners = new CopyOnWriteArrayList<>();

    private final ThingRegistry registry;

    @Activate
    public RuleEngine(
            @Reference EventAdmin eventAdmin,
            @Reference ThingEvents bus,
            @Reference ThingRegistry registry,
            @Reference Timers timers) {
        this.eventAdmin = eventAdmin;
        this.bus = bus;
        this.dispatcher = new PushDispatcher(registry);
        this.registry = registry;
        this.timers = timers;
    }

    /** What keeps {@code definition} from working with the things there are now; see {@link RuleLinks}. */
    RuleLinks links(RuleDefinition definition) {
        return RuleLinks.against(definition, registry);
    }

    /** An engine that posts its fired and result events whether or not anyone subscribes (tests). */
    RuleEngine(EventAdmin eventAdmin, ThingRegistry registry, Timers timers) {
        this(eventAdmin, ThingEvents.NONE, registry, timers);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(RuleListener listener) {
        listeners.add(listener);
    }

    void removeListener(RuleListener listener) {
        listeners.remove(listener);
    }

    /** Adds a rule; false when another rule holds its id (then it waits, and takes over when that one goes). */
    boolean register(RuleDefinition definition) {
        synchronized (byId) {
            if (byId.containsKey(definition.id())) {
                List<RuleDefinition> queue = waiting.get(definition.id());
                if (queue == null) {
                    queue = new ArrayList<>();
                    waiting.put(definition.id(), queue);
                }
                queue.add(definition);
                return false;
            }
            activate(definition);
            return true;
        }
    }

    /** Puts a rule in the index; the caller holds {@link #byId}'s lock. */
    private void activate(RuleDefinition definition) {
        ActiveRule rule = new ActiveRule(definition);
        byId.put(definition.id(), rule);
        byWhen.merge(rule.whenText(), new ActiveRule[] {rule}, (old, added) -> {
            ActiveRule[] both = Arrays.copyOf(old, old.length + 1);
            both[old.length] = added[0];
            return both;
        });
    }

    /**
     * Removes exactly this rule (not another that took the id since); a rule that was waiting for
     * the id takes over.
     */
    void unregister(RuleDefinition definition) {
        synchronized (byId) {
            List<RuleDefinition> queue = waiting.get(definition.id());
            if (queue != null && queue.remove(definition)) {
                if (queue.isEmpty()) {
                    waiting.remove(definition.id());
                }
                return; // it never was active
            }
            ActiveRule rule = byId.get(definition.id());
            if (rule == null || rule.definition() != definition) {
                return;
            }
            byId.remove(definition.id());
            ActiveRule[] old = byWhen.get(rule.whenText());
            if (old != null) {
                ActiveRule[] rest = Arrays.stream(old).filter(r -> r != rule).toArray(ActiveRule[]::new);
                if (rest.length == 0) {
                    byWhen.remove(rule.whenText());
                } else {
                    byWhen.put(rule.whenText(), rest);
                }
            }
            List<RuleDefinition> next = waiting.remove(definition.id());
            if (next != null) {
                activate(next.remove(0));
                if (!next.isEmpty()) {
                    waiting.put(definition.id(), next);
                }
                LOGGER.info("Rule {} active: the configuration that had its id is gone", definition.id());
            }
        }
    }

    /** The registered rule with that id, or {@code null}. */
    @Nullable
    ActiveRule rule(String id) {
        synchronized (byId) {
            return byId.get(id);
        }
    }

    @Override
    public void stateChanged(ThingUID thing, String channelId, State newState, State oldState) {
        if (byWhen.isEmpty() || oldState.equals(State.NULL)) {
            return; // a channel's first value is not a change: a thing starting up must not fire rules
        }
        changed(thing.channelUID(channelId), newState.text(), null);
    }

    @Override
    public void triggered(ThingUID thing, String channelId, String event) {
        if (!byWhen.isEmpty()) {
            changed(thing.channelUID(channelId), null, event);
        }
    }

    /** A watched channel's new state, or its trigger's event. */
    private void changed(String channel, @Nullable String newState, @Nullable String triggerEvent) {
        ActiveRule[] rules = byWhen.get(channel);
        String trigger = newState != null ? newState : triggerEvent;
        if (rules == null || trigger == null) {
            return;
        }
        int[] depth = FIRING.get();
        if (depth[0] > 0) {
            // changed by a firing on this very thread (a push refused at once updates its target's
            // lastResult): decided on the timer thread, so rules that drive each other loop, not recurse
            timers.schedule(Duration.ZERO, () -> changed(channel, newState, triggerEvent));
            return;
        }
        depth[0]++;
        try {
            decide(channel, rules, newState, triggerEvent, trigger);
        } finally {
            depth[0]--;
        }
    }

    private void decide(
            String channel,
            ActiveRule[] rules,
            @Nullable String newState,
            @Nullable String triggerEvent,
            String trigger) {
        Clock clock = timers.clock();
        long now = clock.millis();
        for (ActiveRule rule : rules) {
            try {
                Decision decision = rule.decide(newState, triggerEvent, clock, now);
                if (decision == Decision.FIRE) {
                    fire(rule, trigger, now);
                } else if (decision != Decision.NO_MATCH) {
                    String why = why(rule.definition(), decision);
                    listeners.forEach(listener -> listener.ruleSkipped(rule.id(), trigger, now, why));
                }
                if (decision != Decision.FIRE && decision != Decision.NO_MATCH && LOGGER.isDebugEnabled()) {
                    LOGGER.debug(
                            "Rule {} not fired by {} {}: {} ({} skipped by its interval so far)",
                            rule.id(),
                            channel,
                            trigger,
                            decision,
                            rule.skipped());
                }
            } catch (RuntimeException e) {
                // a defect of ours: one line for the user, the trace for whoever fixes it
                LOGGER.warn("Rule {} failed on {} of {}: {}", rule.id(), trigger, channel, e.toString());
                LOGGER.debug("Rule {} failure", rule.id(), e);
            }
        }
    }

    /** Why a rule whose condition was met did not fire, as its user reads it. */
    private static String why(RuleDefinition rule, Decision decision) {
        return switch (decision) {
            case OUTSIDE_SCHEDULE -> "outside its schedule " + rule.schedule();
            case INSIDE_INTERVAL ->
                "within its interval of "
                        + BigDecimal.valueOf(rule.intervalMillis(), 3)
                                .stripTrailingZeros()
                                .toPlainString() + " s";
            case DISABLED -> "disabled";
            case FIRE, NO_MATCH -> decision.name();
        };
    }

    private void fire(ActiveRule rule, String trigger, long now) {
        RuleDefinition definition = rule.definition();
        // start the push first: the relay is what the latency goal measures
        CompletableFuture<CommandOutcome> outcome = dispatcher.send(definition.then(), definition.command());
        listeners.forEach(listener -> listener.ruleFired(definition.id(), trigger, now));
        if (bus.subscribed(rule.firedTopic())) {
            Map<String, Object> fired = new HashMap<>(16);
            fired.put(RULE, definition.id());
            fired.put(WHEN, rule.whenText());
            fired.put(THEN, rule.thenText());
            fired.put(COMMAND, definition.command());
            fired.put(TRIGGER, trigger);
            fired.put(EventConstants.TIMESTAMP, now);
            eventAdmin.postEvent(new Event(rule.firedTopic(), fired));
        }
        if (LOGGER.isDebugEnabled()) {
            LOGGER.debug("Rule {} fired by {}: {} {}", rule.id(), trigger, rule.thenText(), definition.command());
        }
        // attached after the fired event, so a result completed already is still posted second
        outcome.whenComplete((@Nullable CommandOutcome result, @Nullable Throwable e) -> finish(
                rule,
                trigger,
                now,
                result != null ? result : CommandOutcome.failure(CommandOutcome.ERROR, String.valueOf(e))));
    }

    private void finish(ActiveRule rule, String trigger, long firedAt, CommandOutcome outcome) {
        RuleDefinition definition = rule.definition();
        try {
            if (!outcome.unsent()) {
                rule.reached();
                int missed = firingLines.acquire(rule.id());
                if (missed >= 0) {
                    LOGGER.info(
                            "Rule {} fired by {}: {} {}: {}: {} ({} ms){}",
                            rule.id(),
                            trigger,
                            rule.thenText(),
                            definition.command(),
                            outcome.reason(),
                            outcome.detail(),
                            outcome.latencyMs(),
                            missed > 0 ? " (" + missed + " firings not logged before this one)" : "");
                }
            } else if (rule.firstProblem()) {
                LOGGER.warn(
                        "Rule {} cannot send {} to {}: {}",
                        rule.id(),
                        definition.command(),
                        rule.thenText(),
                        outcome.detail());
            } else {
                LOGGER.debug(
                        "Rule {} cannot send {} to {}: {}",
                        rule.id(),
                        definition.command(),
                        rule.thenText(),
                        outcome.detail());
            }
            if (bus.subscribed(rule.resultTopic())) {
                Map<String, Object> result = new HashMap<>(16);
                result.put(RULE, definition.id());
                result.put(THEN, rule.thenText());
                result.put(COMMAND, definition.command());
                outcome.addTo(result);
                result.put(EventConstants.TIMESTAMP, timers.clock().millis());
                eventAdmin.postEvent(new Event(rule.resultTopic(), result));
            }
            RuleFiring firing = new RuleFiring(
                    definition.id(),
                    rule.whenText(),
                    rule.thenText(),
                    definition.command(),
                    trigger,
                    firedAt,
                    outcome.success(),
                    outcome.reason(),
                    outcome.detail(),
                    outcome.status(),
                    outcome.latencyMs());
            listeners.forEach(listener -> listener.ruleFinished(firing));
        } catch (RuntimeException e) {
            LOGGER.warn("Rule {} could not post its result: {}", rule.id(), e.toString());
        }
    }
}
