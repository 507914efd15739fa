/**
 * Who may do what: the REST API's Bearer {@code apiToken} of {@code camalarm.server} for
 * automations; for browsers a signed-in session (user {@code admin}, the {@code uiPassword}; both
 * generated and kept under {@code userdata} when not configured) in an {@code HttpOnly},
 * {@code SameSite=Strict} cookie, with a CSRF token on every state-changing call; and the user name
 * and password a sender must present with HTTP Basic or Digest
 * ({@link org.camalarm.auth.SenderAuthentication}: challenges, nonces). Wrong answers, of a sign-in
 * or of a sender, are counted and rate-limited per address. Knows nothing of things or cameras.
 */
@NonNullByDefault
package org.camalarm.auth;

import org.eclipse.jdt.annotation.NonNullByDefault;
