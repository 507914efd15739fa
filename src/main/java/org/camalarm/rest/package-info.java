/**
 * The REST API under {@code /camalarm/api/}, behind the API token: things in openHAB's JSON shapes,
 * commands and tests of push targets, the inbox.
 */
@NonNullByDefault
package org.camalarm.rest;

import org.eclipse.jdt.annotation.NonNullByDefault;
