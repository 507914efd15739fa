/**
 * The web UI, served by the bundle at {@code /camalarm/ui/}: static files only (an {@code index.html},
 * our ES modules, and Lit from its WebJars), every one inside the bundle, gzipped once in memory,
 * with strong ETags and immutable caching for versioned library paths. Everything the pages show
 * comes from the REST API and the live stream; this package knows nothing of things.
 */
@NonNullByDefault
package org.camalarm.ui;

import org.eclipse.jdt.annotation.NonNullByDefault;
