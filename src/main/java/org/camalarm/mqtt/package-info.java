/**
 * The MQTT bridge: camalarm's things on an MQTT broker, announced with Home Assistant's discovery
 * convention so Home Assistant and openHAB (MQTT binding) create devices and entities by themselves,
 * and commands from those hubs received on command topics and sent like REST commands.
 *
 * <p>What it promises: it is never in the way of alarms. Thing changes are only queued on the
 * calling thread ({@link org.camalarm.mqtt.ThingChangeQueue}, bounded and coalescing); one bridge
 * thread turns them into messages and publishes them with a bounded in-flight window; while the
 * broker is away the latest state of each topic is kept, and on every (re)connect, after a capped
 * exponential backoff, discovery, availability and states are published again. The bridge's own
 * state shows as the thing {@code camalarm:mqtt:broker} and in the log.
 */
@NonNullByDefault
package org.camalarm.mqtt;

import org.eclipse.jdt.annotation.NonNullByDefault;
