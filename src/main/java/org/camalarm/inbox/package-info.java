/** TODO */
@NonNullByDefault
package org.camalarm.inbox;

import org.eclipse.jdt.annotation.NonNullByDefault;
