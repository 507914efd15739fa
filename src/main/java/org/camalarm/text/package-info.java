/** Text shown to people that quotes what others wrote: configuration values, client data. */
@NonNullByDefault
package org.camalarm.text;

import org.eclipse.jdt.annotation.NonNullByDefault;
