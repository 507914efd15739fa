package org.camalarm.target;

import org.camalarm.push.PushResult;
import org.camalarm.thing.ThingUID;

/**
 * Told the outcome of every push to a device (from rules, REST, the command topic, tests), on the
 * thread that completed it: an implementation must only queue, never block or throw. Register one
 * as an OSGi service (whiteboard); the event history does.
 */
public interface PushListener {

    /**
     * @param command the switch command ({@code ON}, {@code PULSE}, ...) or the name of an http command
     * @param test    a Test (which ignores the interval), not a command
     */
    void pushed(ThingUID target, String channelId, String command, boolean test, PushResult result);
}
