/**
 * Push-target things: relays, lights and intercoms that rules, REST and the command topic drive.
 * One DS factory component per type reads its configuration ({@link org.camalarm.target.PushTargetConfig}
 * and the type's own keys) and registers a {@link org.camalarm.target.PushTargetHandler}; this is
 * where a push leaves the hub. The requests themselves are the {@code push} package's.
 */
@NonNullByDefault
package org.camalarm.target;

import org.eclipse.jdt.annotation.NonNullByDefault;
