/**
 * Who may do what: the REST API's Bearer {@code apiToken} of {@code camalarm.server} (generated and
 * kept under {@code userdata} when not configured), and the user name and password a sender must
 * present with HTTP Basic or Digest ({@link org.camalarm.auth.SenderAuthentication}: challenges,
 * nonces, wrong answers counted and rate-limited per address). Knows nothing of things or cameras.
 */
@NonNullByDefault
package org.camalarm.auth;

import org.eclipse.jdt.annotation.NonNullByDefault;
