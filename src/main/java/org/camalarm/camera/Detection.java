package org.camalarm.camera;

import org.camalarm.alarm.AlarmEvent;

/**
 * What one event of an alarm did on its camera, for the event history: began a detection, or
 * continued one already ON (a repeat within the hold, or the stop that ends it).
 *
 * @param channel the detection channel it switched (the first, when its type evidences several)
 */
public record Detection(AlarmEvent event, String channel, Phase phase) {

    public enum Phase {
        /** A detection began (or a stop came for a channel that was not ON). */
        BEGAN,
        /** A repeat or the stop of a detection that was ON. */
        CONTINUED,
        /** No camera judged it: the alarm went to the inbox, or its thing was being replaced. */
        UNJUDGED
    }

    /** An event no camera thing applied: its first evidenced channel, phase UNJUDGED. */
    static Detection unjudged(AlarmEvent event) {
        return new Detection(event, CameraChannels.evidencedBy(event.type()).get(0), Phase.UNJUDGED);
    }
}
