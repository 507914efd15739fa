package org.camalarm.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.camalarm.config.TestConfigs;
import org.camalarm.time.MutableClock;
import org.camalarm.userdata.TokenStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signing in to the web UI: the password, the generated one, session lifetimes and the rate limit. */
class SessionsTest {

    @TempDir
    Path dir;

    private final MutableClock time = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));

    private Sessions sessions(String password) {
        return new Sessions(
                new TokenStore(dir.resolve("tokens.properties")),
                TestConfigs.reader(),
                password == null ? Map.of() : Map.of("uiPassword", password),
                time);
    }

    private static Session signedIn(Sessions.SignIn outcome) {
        return assertInstanceOf(Sessions.SignedIn.class, outcome).session();
    }

    @Test
    void adminSignsInWithTheConfiguredPasswordAndNobodyElseDoes() {
        Sessions sessions = sessions("s3cret");
        assertInstanceOf(Sessions.Refused.class, sessions.signIn("admin", "S3cret", "10.0.0.1"));
        assertInstanceOf(Sessions.Refused.class, sessions.signIn("root", "s3cret", "10.0.0.1"));
        assertInstanceOf(Sessions.Refused.class, sessions.signIn(null, null, "10.0.0.1"));
        Session session = signedIn(sessions.signIn("admin", "s3cret", "10.0.0.1"));
        assertEquals(session, sessions.session(session.id()).orElseThrow());
        assertNotEquals(session.id(), session.csrfToken());
        assertTrue(Sessions.isCsrfToken(session, session.csrfToken()));
        assertFalse(Sessions.isCsrfToken(session, session.id()));
    }

    @Test
    void withoutAConfiguredPasswordOneIsGeneratedOnceAndKeptBesideTheTokens() throws Exception {
        sessions(null);
        String generated = new TokenStore(dir.resolve("tokens.properties")).token("uiPassword");
        assertTrue(generated.length() >= 32);
        assertTrue(Files.readString(dir.resolve("tokens.properties")).contains("uiPassword=" + generated));
        signedIn(sessions(null).signIn("admin", generated, "10.0.0.1"));
    }

    @Test
    void aSessionEndsAfterADayUnusedOrThirtyDaysInAllOrWhenThePasswordChanges() {
        Sessions sessions = sessions("pw");
        Session idle = signedIn(sessions.signIn("admin", "pw", "10.0.0.1"));
        time.advance(Duration.ofHours(23));
        assertTrue(sessions.session(idle.id()).isPresent(), "used within a day");
        time.advance(Duration.ofHours(25));
        assertTrue(sessions.session(idle.id()).isEmpty(), "unused for more than a day");

        Session busy = signedIn(sessions.signIn("admin", "pw", "10.0.0.1"));
        for (int day = 0; day < 29; day++) {
            time.advance(Duration.ofHours(20));
            assertTrue(sessions.session(busy.id()).isPresent());
        }
        time.advance(Duration.ofDays(6));
        assertTrue(sessions.session(busy.id()).isEmpty(), "30 days at most");

        Session before = signedIn(sessions.signIn("admin", "pw", "10.0.0.1"));
        sessions.modified(Map.of("uiPassword", "new"));
        assertTrue(sessions.session(before.id()).isEmpty(), "a new password signs everyone out");
        signedIn(sessions.signIn("admin", "new", "10.0.0.1"));
    }

    @Test
    void fiveFailuresMakeAnAddressWaitWhileOthersStillSignIn() {
        Sessions sessions = sessions("pw");
        for (int i = 0; i < Sessions.SIGN_IN_FAILURES; i++) {
            assertInstanceOf(Sessions.Refused.class, sessions.signIn("admin", "guess" + i, "10.0.0.66"));
        }
        Sessions.TooManyAttempts wait =
                assertInstanceOf(Sessions.TooManyAttempts.class, sessions.signIn("admin", "pw", "10.0.0.66"));
        assertEquals(Sessions.SIGN_IN_BLOCK.toSeconds(), wait.retryAfterSeconds());
        signedIn(sessions.signIn("admin", "pw", "10.0.0.2"));
        time.advance(Sessions.SIGN_IN_BLOCK.minusSeconds(1));
        assertInstanceOf(Sessions.TooManyAttempts.class, sessions.signIn("admin", "pw", "10.0.0.66"));
        time.advance(Duration.ofSeconds(1));
        signedIn(sessions.signIn("admin", "pw", "10.0.0.66"));
    }

    @Test
    void guessesFromManyAddressesAreLimitedOverall() {
        Sessions sessions = sessions("pw");
        int refused = 0;
        for (int i = 0; i < 100; i++) {
            if (sessions.signIn("admin", "guess", "10.0.1." + i) instanceof Sessions.Refused) {
                refused++;
            }
        }
        assertEquals(Sessions.ALL_FAILURES, refused, "rotating addresses does not give more guesses");
        assertInstanceOf(Sessions.TooManyAttempts.class, sessions.signIn("admin", "pw", "10.0.2.1"));
        time.advance(Sessions.SIGN_IN_BLOCK);
        signedIn(sessions.signIn("admin", "pw", "10.0.2.1"));
    }

    @Test
    void atMostSixtyFourSessionsExistTheLeastRecentlyUsedGoesFirst() {
        Sessions sessions = sessions("pw");
        Session first = signedIn(sessions.signIn("admin", "pw", "10.0.0.1"));
        Session second = signedIn(sessions.signIn("admin", "pw", "10.0.0.1"));
        time.advance(Duration.ofSeconds(1));
        sessions.session(first.id());
        for (int i = 0; i < Sessions.MAX_SESSIONS - 1; i++) {
            time.advance(Duration.ofSeconds(1));
            signedIn(sessions.signIn("admin", "pw", "10.0.0.1"));
        }
        assertTrue(sessions.session(first.id()).isPresent(), "used recently");
        assertTrue(sessions.session(second.id()).isEmpty(), "the least recently used made room");
    }
}
