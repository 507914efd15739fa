/** The bytes of a picture as they came, shared without copying between the request, the things and the history. */
@NonNullByDefault
package org.camalarm.image;

import org.eclipse.jdt.annotation.NonNullByDefault;
