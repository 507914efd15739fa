/**
 * What every camalarm servlet answers alike: JSON errors, and the one 404 under {@code /camalarm/}
 * that makes a wrong alarm token look like any unknown path.
 */
@NonNullByDefault
package org.camalarm.http;

import org.eclipse.jdt.annotation.NonNullByDefault;
