/**
 * Who may use the REST API and the web UI: the Bearer {@code apiToken} of {@code camalarm.server}
 * for automations, and for browsers a signed-in session (user {@code admin}, the {@code uiPassword};
 * both generated and kept under {@code userdata} when not configured) in an {@code HttpOnly},
 * {@code SameSite=Strict} cookie, with a CSRF token on every state-changing call and rate-limited
 * sign-in attempts. Knows nothing of things or cameras.
 */
@NonNullByDefault
package org.camalarm.auth;

import org.eclipse.jdt.annotation.NonNullByDefault;
