/** TODO */
@NonNullByDefault
package org.camalarm.thing;

import org.eclipse.jdt.annotation.NonNullByDefault;
