/** The hub's clock and one-shot timers, injected so that tests move time instead of sleeping. */
@NonNullByDefault
package org.camalarm.time;

import org.eclipse.jdt.annotation.NonNullByDefault;
