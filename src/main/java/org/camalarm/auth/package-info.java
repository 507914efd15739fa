/**
 * Who may use the REST API: the Bearer {@code apiToken} of {@code camalarm.server} (generated and
 * kept under {@code userdata} when not configured). Knows nothing of things or cameras.
 */
@NonNullByDefault
package org.camalarm.auth;

import org.eclipse.jdt.annotation.NonNullByDefault;
