/**
 * camalarm's own files under the hub's {@code userdata} (generated tokens, certificate pins, the
 * event history), never the bundle cache that openHAB empties on upgrades.
 */
@NonNullByDefault
package org.camalarm.userdata;

import org.eclipse.jdt.annotation.NonNullByDefault;
