/**
 * The embedded hub's OSGi log in its own log: a bundle of its own because it reads the OSGi Log
 * Service, which the launcher cannot see and the camalarm bundle must not read (a Karaf or openHAB
 * container already sends that log to its own). Not part of the camalarm bundle.
 */
@NonNullByDefault
package org.camalarm.hub.log;

import org.eclipse.jdt.annotation.NonNullByDefault;
