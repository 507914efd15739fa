/** TODO */
@NonNullByDefault
package org.camalarm.time;

import org.eclipse.jdt.annotation.NonNullByDefault;
