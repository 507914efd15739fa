/**
 * Configurations read through typed interfaces. Each thing type, the rule and the alarm server
 * declare their configuration once, as an interface with Metatype annotations (bnd turns it into
 * the bundle's Metatype description, defaults included); {@link org.camalarm.config.ConfigReader}
 * reads a Configuration Admin dictionary through that interface with the Metatype's defaults,
 * types, options and bounds, and names every problem with its key and value. Knows nothing of
 * things, cameras or HTTP.
 */
@NonNullByDefault
package org.camalarm.config;

import org.eclipse.jdt.annotation.NonNullByDefault;
