package org.camalarm.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DigestAuthTest {

    /** RFC 7616 section 3.9.1: the same challenge twice, SHA-256 first and MD5 second. */
    private static final List<String> RFC7616_CHALLENGES = List.of("""
            Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, \
            nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"\
            """, """
            Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=MD5, \
            nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"\
            """);

    private static final String RFC7616_CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    @Test
    void answersTheRfc7616Sha256Example() {
        AuthChallenge chosen =
                DigestAuth.choose(AuthChallenge.parseAll(RFC7616_CHALLENGES)).orElseThrow();
        assertEquals("SHA-256", chosen.param("algorithm"));

        String header = DigestAuth.authorization(
                chosen, "Mufasa", "Circle of Life", "GET", "/dir/index.html", null, 1, RFC7616_CNONCE);

        assertEquals(
                "Digest username=\"Mufasa\", realm=\"http-auth@example.org\", "
                        + "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", uri=\"/dir/index.html\", algorithm=SHA-256, "
                        + "qop=auth, nc=00000001, cnonce=\"" + RFC7616_CNONCE + "\", "
                        + "response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\", "
                        + "opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"",
                header);
    }

    @Test
    void answersTheRfc7616Md5Example() {
        AuthChallenge md5 = AuthChallenge.parseAll(RFC7616_CHALLENGES).get(1);

        String header = DigestAuth.authorization(
                md5, "Mufasa", "Circle of Life", "GET", "/dir/index.html", null, 1, RFC7616_CNONCE);

        assertTrue(header.contains("response=\"8ca523f5e9506fed4657c9700eebdbec\""), header);
        assertTrue(header.contains("algorithm=MD5"), header);
    }

    @Test
    void answersTheRfc2617ExampleWithoutAlgorithm() {
        AuthChallenge challenge = AuthChallenge.parseAll(List.of("""
                Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", \
                opaque="5ccc069c403ebaf9f0171e9517f40e41"\
                """)).get(0);

        String header = DigestAuth.authorization(
                challenge, "Mufasa", "Circle Of Life", "GET", "/dir/index.html", null, 1, "0a4f113b");

        assertTrue(header.contains("response=\"6629fae49393a05397450978507c4ef1\""), header);
        assertTrue(!header.contains("algorithm"), "no algorithm echoed when the challenge named none: " + header);
    }

    @Test
    void answersLegacyChallengesWithoutQopInTheRfc2069Form() {
        // RFC 2069: response = MD5(HA1:nonce:HA2), no nc/cnonce/qop
        AuthChallenge challenge = AuthChallenge.parseAll(
                        List.of("Digest realm=\"testrealm@host.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\""))
                .get(0);

        String header = DigestAuth.authorization(
                challenge, "Mufasa", "CircleOfLife", "GET", "/dir/index.html", null, 1, "unused");

        assertTrue(header.contains("response=\"1949323746fe6a43ef61f9606e7febea\""), header);
        assertTrue(!header.contains("nc=") && !header.contains("cnonce") && !header.contains("qop"), header);
    }

    @Test
    void countsNoncesInHexWithEightDigits() {
        AuthChallenge chosen =
                DigestAuth.choose(AuthChallenge.parseAll(RFC7616_CHALLENGES)).orElseThrow();

        String header = DigestAuth.authorization(chosen, "u", "p", "GET", "/", null, 26, "c");

        assertTrue(header.contains("nc=0000001a"), header);
    }

    @Test
    void prefersSha256WhatEverTheOrder() {
        List<AuthChallenge> challenges =
                AuthChallenge.parseAll(List.of("Digest realm=\"r\", nonce=\"a\", algorithm=MD5, qop=\"auth\", "
                        + "Digest realm=\"r\", nonce=\"b\", algorithm=SHA-256, qop=\"auth\""));

        assertEquals("b", DigestAuth.choose(challenges).orElseThrow().param("nonce"));
    }

    @Test
    void skipsUnknownAlgorithmsAndQopWithoutAuth() {
        List<AuthChallenge> challenges = AuthChallenge.parseAll(List.of(
                "Digest realm=\"r\", nonce=\"a\", algorithm=SHA-512-256, qop=\"auth\"",
                "Digest realm=\"r\", nonce=\"b\", algorithm=MD5, qop=\"weird\"",
                "Digest realm=\"r\", nonce=\"c\", algorithm=MD5-sess, qop=\"auth\""));

        assertEquals("c", DigestAuth.choose(challenges).orElseThrow().param("nonce"));
    }

    @Test
    void sessionAlgorithmsHashTheNoncesIntoHa1() {
        AuthChallenge challenge = AuthChallenge.parseAll(
                        List.of("Digest realm=\"r\", nonce=\"n\", algorithm=MD5-sess, qop=\"auth\""))
                .get(0);

        String header = DigestAuth.authorization(challenge, "u", "p", "GET", "/x", null, 1, "c");

        // HA1 = MD5(MD5(u:r:p):n:c); response = MD5(HA1:n:00000001:c:auth:MD5(GET:/x)), computed with md5sum
        assertTrue(header.contains("response=\"" + md5Sess() + "\""), header);
        assertTrue(header.contains("algorithm=MD5-sess"), header);
    }

    @Test
    void escapesQuotesInUserNames() {
        AuthChallenge challenge = AuthChallenge.parseAll(List.of("Digest realm=\"r\", nonce=\"n\""))
                .get(0);

        String header = DigestAuth.authorization(challenge, "a\"b\\c", "p", "GET", "/", null, 1, "c");

        assertTrue(header.startsWith("Digest username=\"a\\\"b\\\\c\""), header);
    }

    @Test
    void encodesNonAsciiUserNamesAsRfc8187() {
        AuthChallenge challenge = AuthChallenge.parseAll(List.of("Digest realm=\"r\", nonce=\"n\""))
                .get(0);

        String header = DigestAuth.authorization(challenge, "Jäsøn", "p", "GET", "/", null, 1, "c");

        assertTrue(header.startsWith("Digest username*=UTF-8''J%C3%A4s%C3%B8n,"), header);
    }

    private static String md5Sess() {
        try {
            java.security.MessageDigest md5 = java.security.MessageDigest.getInstance("MD5");
            java.util.function.Function<String, String> h = s ->
                    java.util.HexFormat.of().formatHex(md5.digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            String ha1 = h.apply(h.apply("u:r:p") + ":n:c");
            return h.apply(ha1 + ":n:00000001:c:auth:" + h.apply("GET:/x"));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
