/**
 * The embedded hub's HTTPS connector, a bundle of its own because it speaks Jetty (the hub's HTTP
 * server), which neither the launcher nor the camalarm bundle may know. Not part of the camalarm bundle.
 */
@NonNullByDefault
package org.camalarm.hub.https;

import org.eclipse.jdt.annotation.NonNullByDefault;
