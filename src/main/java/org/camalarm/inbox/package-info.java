/** Cameras that sent alarms before anyone configured them, and their approval into things through Configuration Admin. */
@NonNullByDefault
package org.camalarm.inbox;

import org.eclipse.jdt.annotation.NonNullByDefault;
