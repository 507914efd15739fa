package org.camalarm.auth;

import java.time.Instant;

/**
 * A signed-in browser: the secret id its cookie carries, the CSRF token its page must echo in
 * {@value Sessions#CSRF_HEADER} on every state-changing call, and when it was made and last used.
 */
public final class Session {

    private final String id;
    private final String csrfToken;
    private final String user;
    private final Instant created;
    private volatile Instant lastUsed;

    Session(String id, String csrfToken, String user, Instant created) {
        this.id = id;
        this.csrfToken = csrfToken;
        this.user = user;
        this.created = created;
        this.lastUsed = created;
    }

    String id() {
        return id;
    }

    public String csrfToken() {
        return csrfToken;
    }

    public String user() {
        return user;
    }

    Instant created() {
        return created;
    }

    Instant lastUsed() {
        return lastUsed;
    }

    void touch(Instant now) {
        lastUsed = now;
    }
}
