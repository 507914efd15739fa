package org.camalarm.rule;

import org.camalarm.text.Texts;
import org.eclipse.jdt.annotation.Nullable;

/**
 * What a rule waits for on its {@code when} channel. Matching is case-insensitive.
 * <ul>
 * <li>{@code state} set ({@code ON}/{@code OFF}): a state change to that state;</li>
 * <li>{@code event} set (e.g. {@code PERSON}): a trigger with that payload;</li>
 * <li>neither: a state change to {@code ON}, or any trigger.</li>
 * </ul>
 * A condition with a state never matches a trigger, and one with an event never matches a state
 * change.
 *
 * @param state {@code ON}, {@code OFF}, or {@code null} for none
 * @param event a trigger payload, or {@code null} for none
 */
record Condition(@Nullable String state, @Nullable String event) {

    Condition {
        if (state != null && event != null) {
            throw new IllegalArgumentException("give state or event, not both (state \"" + state + "\", event \""
                    + Texts.shortened(event) + "\")");
        }
    }

    /**
     * Whether a state change or a trigger meets the condition; allocates nothing.
     *
     * @param newState     the new state of a state channel, or {@code null} for a trigger
     * @param triggerEvent the payload of a trigger, or {@code null} for a state change
     */
    boolean matches(@Nullable String newState, @Nullable String triggerEvent) {
        if (newState != null) {
            String wanted = state;
            if (wanted == null) {
                wanted = Commands.ON;
            }
            return event == null && wanted.equalsIgnoreCase(newState);
        }
        String wantedEvent = event;
        return triggerEvent != null
                && state == null
                && (wantedEvent == null || wantedEvent.equalsIgnoreCase(triggerEvent));
    }

    @Override
    public String toString() {
        return state != null ? "state " + state : event != null ? "event " + event : "ON or any event";
    }
}
