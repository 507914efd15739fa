package org.camalarm.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camalarm.time.ManualTimers;
import org.junit.jupiter.api.Test;

/** A camera's credentials checked as Basic (preemptive) and Digest (after a challenge of ours). */
class PresentedAuthTest {

    private static final Credentials CAMERA = new Credentials("cam", "s3cr3t:with colon");
    private static final String URI = "/camalarm/alarm/tok/gate?EventType=VideoMotion&EventAction=start";

    private final ManualTimers timers = new ManualTimers(Instant.parse("2026-12-01T10:00:00Z"));
    private final SenderAuthentication auth = new SenderAuthentication(timers);

    private AuthResult check(String authorization) {
        return auth.presented(authorization, "GET", URI, true).check(CAMERA);
    }

    private String digestChallenge() {
        return auth.challenges(false).get(0);
    }

    @Test
    void challengesOfferDigestFirstThenBasic() {
        List<String> challenges = auth.challenges(false);

        assertEquals(2, challenges.size());
        assertTrue(challenges.get(0).startsWith("Digest realm=\"camalarm\", qop=\"auth\", algorithm=MD5, nonce=\""));
        assertFalse(challenges.get(0).contains("stale"));
        assertEquals("Basic realm=\"camalarm\", charset=\"UTF-8\"", challenges.get(1));
        assertTrue(auth.challenges(true).get(0).endsWith(", stale=true"));
    }

    @Test
    void preemptiveBasicIsTakenAndAPasswordWithAColonIsWhole() {
        assertEquals(AuthResult.ACCEPTED, check(DigestClient.basic("cam", "s3cr3t:with colon")));
        assertEquals(AuthResult.WRONG, check(DigestClient.basic("cam", "s3cr3t")));
        assertEquals(AuthResult.WRONG, check(DigestClient.basic("other", "s3cr3t:with colon")));
        assertEquals(AuthResult.WRONG, check("Basic !!!not-base64"));
        assertEquals(
                "Basic",
                auth.presented(DigestClient.basic("a", "b"), "GET", URI, true).scheme());
    }

    @Test
    void noHeaderOrAnotherSchemeIsMissingNotWrong() {
        assertEquals(AuthResult.MISSING, check(null));
        assertEquals(AuthResult.MISSING, check(""));
        assertEquals(AuthResult.MISSING, check("Bearer abc"));
        assertEquals("none", auth.presented(null, "GET", URI, true).scheme());
    }

    @Test
    void digestAnswersInMd5AndSha256AreTaken() {
        String md5 = DigestClient.digest(digestChallenge(), "MD5", "GET", URI, "cam", "s3cr3t:with colon");
        String sha = DigestClient.digest(digestChallenge(), "SHA-256", "GET", URI, "cam", "s3cr3t:with colon");

        assertEquals(AuthResult.ACCEPTED, check(md5));
        assertEquals(AuthResult.ACCEPTED, check(sha));
        assertEquals("Digest MD5", auth.presented(md5, "GET", URI, true).scheme());
        assertEquals("Digest SHA-256", auth.presented(sha, "GET", URI, true).scheme());
        assertEquals(
                AuthResult.ACCEPTED,
                check(DigestClient.digestWithoutQop(digestChallenge(), "GET", URI, "cam", "s3cr3t:with colon")));
    }

    @Test
    void wrongDigestAnswersAreWrong() {
        assertEquals(
                AuthResult.WRONG, check(DigestClient.digest(digestChallenge(), "MD5", "GET", URI, "cam", "guess")));
        assertEquals(
                AuthResult.WRONG,
                check(DigestClient.digest(digestChallenge(), "MD5", "POST", URI, "cam", "s3cr3t:with colon")),
                "signed for another method");
        assertEquals(
                AuthResult.WRONG,
                check(DigestClient.digest(
                        digestChallenge(), "MD5", "GET", "/camalarm/alarm/tok/other", "cam", "s3cr3t:with colon")),
                "signed for another path");
        assertEquals(AuthResult.WRONG, check("Digest username=\"cam\""), "incomplete");
    }

    @Test
    void aNonceNotOursIsChallengedAgainWithoutCountingAndAnExpiredOneIsStale() {
        String forged = DigestClient.digest(
                "Digest realm=\"camalarm\", nonce=\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"",
                "MD5",
                "GET",
                URI,
                "cam",
                "s3cr3t:with colon");
        assertEquals(AuthResult.MISSING, check(forged));

        String challenge = digestChallenge();
        timers.advance(DigestNonces.LIFETIME.plus(Duration.ofSeconds(1)));
        assertEquals(
                AuthResult.STALE, check(DigestClient.digest(challenge, "MD5", "GET", URI, "cam", "s3cr3t:with colon")));
        assertEquals(
                AuthResult.WRONG,
                check(DigestClient.digest(challenge, "MD5", "GET", URI, "cam", "guess")),
                "an old nonce does not hide a wrong password");
    }

    @Test
    void theCredentialsNeverShowInText() {
        assertFalse(CAMERA.toString().contains("s3cr3t"), CAMERA.toString());
    }
}
