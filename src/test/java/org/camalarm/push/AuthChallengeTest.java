package org.camalarm.push;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuthChallengeTest {

    @Test
    void readsSeveralChallengesInOneHeaderWithCommasInsideQuotes() {
        List<AuthChallenge> challenges = AuthChallenge.parseAll(List.of(
                "Basic realm=\"a, b\", Digest realm=\"x,y\", nonce=\"n=1,2\", qop=\"auth,auth-int\", algorithm=MD5"));

        assertEquals(2, challenges.size());
        assertEquals("Basic", challenges.get(0).scheme());
        assertEquals("a, b", challenges.get(0).param("realm"));
        assertEquals("Digest", challenges.get(1).scheme());
        assertEquals("x,y", challenges.get(1).param("realm"));
        assertEquals("n=1,2", challenges.get(1).param("nonce"));
        assertEquals("auth,auth-int", challenges.get(1).param("qop"));
        assertEquals("MD5", challenges.get(1).param("algorithm"));
    }

    @Test
    void readsChallengesFromSeveralHeaders() {
        List<AuthChallenge> challenges =
                AuthChallenge.parseAll(List.of("Digest realm=\"r\", nonce=\"1\"", "Basic realm=\"r\""));

        assertEquals(
                List.of("Digest", "Basic"),
                challenges.stream().map(AuthChallenge::scheme).toList());
    }

    @Test
    void unescapesQuotedPairsAndIgnoresParameterCase() {
        AuthChallenge challenge = AuthChallenge.parseAll(List.of("DIGEST Realm=\"say \\\"hi\\\"\", NONCE=abc"))
                .get(0);

        assertEquals("say \"hi\"", challenge.param("realm"));
        assertEquals("abc", challenge.param("nonce"));
    }

    @Test
    void skipsToken68SchemesWithoutLosingTheNextChallenge() {
        List<AuthChallenge> challenges =
                AuthChallenge.parseAll(List.of("Negotiate YIIG==, Digest realm=\"r\", nonce=\"n\", stale=TRUE"));

        AuthChallenge digest = challenges.stream()
                .filter(c -> c.isScheme("Digest"))
                .findFirst()
                .orElseThrow();
        assertEquals("n", digest.param("nonce"));
        assertEquals(true, DigestAuth.isStale(digest));
    }

    @Test
    void toleratesAnUnterminatedQuote() {
        AuthChallenge challenge =
                AuthChallenge.parseAll(List.of("Digest realm=\"open, nonce=x")).get(0);

        assertEquals("open, nonce=x", challenge.param("realm"));
    }
}
