/**
 * Pushes commands to relays, lights and other devices over HTTP, HTTPS or UDP, the way the
 * iVSEC "Event Push Platform" does: one {@link org.camalarm.push.PushClient} per device, one
 * {@link org.camalarm.push.DeviceFamily} per device family that knows the exact request of a
 * {@link org.camalarm.push.SwitchCommand}, how to judge the reply and how to read the switch state
 * back, and a {@link org.camalarm.push.PushCommandSender} that ties them together and confirms
 * commands by the state read back. Clients of many devices share threads and plain-HTTP clients
 * ({@link org.camalarm.push.SharedTransport}). Replies without an HTTP head (ControlByWeb's
 * {@code state.xml}) are read over a socket of their own, for the families that declare them.
 *
 * <p>Every outcome is a {@link org.camalarm.push.PushResult}: device failures are values, never
 * exceptions and never warn-level log lines. This package knows nothing of cameras or things.
 */
@NonNullByDefault
package org.camalarm.push;

import org.eclipse.jdt.annotation.NonNullByDefault;
