/** The embedded hub: starts Felix with the bundles the hub jar carries. Not part of the bundle. */
@NonNullByDefault
package org.camalarm.hub;

import org.eclipse.jdt.annotation.NonNullByDefault;
