package org.camalarm.camera;

import java.time.Clock;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import org.camalarm.auth.AuthResult;
import org.camalarm.thing.Thing;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last alarm a camera's settings refused, told on its page (property {@value #PROPERTY}) and in
 * the log. A camera shows its user no answer, so without it a refused camera fails silently: a VIGI
 * given a password it cannot send, a sender outside {@code allowedAddresses}. The property goes with
 * the next alarm accepted, so a Digest camera's first, challenged request leaves nothing behind.
 */
final class RefusalNote {

    static final String PROPERTY = "lastRefusedAlarm";
    private static final long LOG_EVERY_MS = 60_000;
    private static final Logger LOGGER = LoggerFactory.getLogger(RefusalNote.class);

    private final Thing thing;
    private final Clock clock;
    /** A refusal was noted and no alarm accepted since; written under {@code this}. */
    private volatile boolean pending;

    private long lastLogged = Long.MIN_VALUE / 2;

    RefusalNote(Thing thing, Clock clock) {
        this.thing = thing;
        this.clock = clock;
    }

    synchronized void refused(String remoteAddress, AlarmRouter.Route route, AuthResult auth) {
        String why = why(route, auth);
        if (why == null) {
            return;
        }
        // a challenge for missing credentials is how Digest begins: worth a line only when the
        // camera did not answer it (its next alarm came without them again)
        boolean unanswered = auth != AuthResult.MISSING || pending;
        pending = true;
        thing.setProperty(
                PROPERTY, LocalTime.now(clock).truncatedTo(ChronoUnit.SECONDS) + " from " + remoteAddress + ": " + why);
        long now = clock.millis();
        if (unanswered && (now - lastLogged >= LOG_EVERY_MS || now < lastLogged)) {
            lastLogged = now;
            LOGGER.info("Alarm for {} from {} refused: {}", thing.uid(), remoteAddress, why);
        } else {
            LOGGER.debug("Alarm for {} from {} refused: {}", thing.uid(), remoteAddress, why);
        }
    }

    /** An alarm got through: the refusal is history. Lock-free when there is none (every alarm calls it). */
    void accepted() {
        if (!pending) {
            return;
        }
        synchronized (this) {
            pending = false;
            thing.removeProperty(PROPERTY);
        }
    }

    /** Why, as its user can act on it; {@code null} when it is no refusal to tell (an expired Digest nonce). */
    private @Nullable String why(AlarmRouter.Route route, AuthResult auth) {
        return switch (route) {
            case FORBIDDEN -> "its address is not in allowedAddresses (403)";
            case MISCONFIGURED -> "this camera's configuration is invalid, see its status (503)";
            case UNAUTHORIZED ->
                switch (auth) {
                    case MISSING ->
                        "it sent no credentials, and this camera has a username and password (401)"
                                + ("vigi".equals(thing.uid().thingType())
                                        ? "; VIGI cameras send none: clear username and password"
                                        : "");
                    case WRONG -> "wrong username or password (401)";
                    case PLAIN_HTTP -> "credentials over plain HTTP: push over HTTPS, or set credentialsOverHttp (403)";
                    case STALE, ACCEPTED -> null;
                };
            case DELIVERED, INBOX -> null;
        };
    }
}
