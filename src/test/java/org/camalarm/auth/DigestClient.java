package org.camalarm.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/** How a camera answers our challenges: Basic, or Digest (RFC 7616) to a {@code WWW-Authenticate: Digest ...}. */
public final class DigestClient {

    private DigestClient() {}

    public static String basic(String username, String password) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The Authorization header answering {@code challenge} with qop=auth, {@code algorithm} MD5 or SHA-256. */
    public static String digest(
            String challenge, String algorithm, String method, String uri, String username, String password) {
        Map<String, String> params = DigestParams.parse(challenge.substring("Digest ".length()));
        String realm = params.get("realm");
        String nonce = params.get("nonce");
        String nc = "00000001";
        String cnonce = "0a4f113b";
        String ha1 = hash(algorithm, username + ":" + realm + ":" + password);
        String ha2 = hash(algorithm, method + ":" + uri);
        String response = hash(algorithm, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
        return "Digest username=\"" + username + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", algorithm=" + algorithm + ", qop=auth, nc=" + nc + ", cnonce=\"" + cnonce + "\", response=\""
                + response + "\"";
    }

    /** The RFC 2069 answer (no qop), as old clients send it. */
    public static String digestWithoutQop(
            String challenge, String method, String uri, String username, String password) {
        Map<String, String> params = DigestParams.parse(challenge.substring("Digest ".length()));
        String ha1 = hash("MD5", username + ":" + params.get("realm") + ":" + password);
        String ha2 = hash("MD5", method + ":" + uri);
        String response = hash("MD5", ha1 + ":" + params.get("nonce") + ":" + ha2);
        return "Digest username=\"" + username + "\", realm=\"" + params.get("realm") + "\", nonce=\""
                + params.get("nonce") + "\", uri=\"" + uri + "\", response=\"" + response + "\"";
    }

    private static String hash(String algorithm, String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
