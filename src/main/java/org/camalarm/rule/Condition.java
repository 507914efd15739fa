package org.camalarm.rule;

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
record Condition(String state, String event) {

    Condition {
        if (state != null && event != null) {
            throw new IllegalArgumentException("give state or event, not both (state \"" + state + "\", event \""
                    + Texts.abbreviate(event) + "\")");
        }
    }

    /**
     * Whether a state change or a trigger meets the condition; allocates nothing.
     *
     * @param newState     the new state of a state channel, or {@code null} for a trigger
     * @param triggerEvent the payload of a trigger, or {@code null} for a state change
     */
    boolean matches(String newState, String triggerEvent) {
        if (newState != null) {
            return event == null && (state == null ? Commands.ON : state).equalsIgnoreCase(newState);
        }
        return triggerEvent != null && state == null && (event == null || event.equalsIgnoreCase(triggerEvent));
    }

    @Override
    public String toString() {
        return state != null ? "state " + state : event != null ? "event " + event : "ON or any event";
    }
}
