/** TODO */
@NonNullByDefault
package org.camalarm.camera;

import org.eclipse.jdt.annotation.NonNullByDefault;
