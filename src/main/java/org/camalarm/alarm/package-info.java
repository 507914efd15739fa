/** TODO */
@NonNullByDefault
package org.camalarm.alarm;

import org.eclipse.jdt.annotation.NonNullByDefault;
