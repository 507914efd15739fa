/**
 * The thing model as openHAB has it (UIDs, channels, states, status), the registry of all things,
 * and where their changes go: EventAdmin topics for other bundles, {@link org.camalarm.thing.ThingListener}
 * services in-process.
 */
@NonNullByDefault
package org.camalarm.thing;

import org.eclipse.jdt.annotation.NonNullByDefault;
