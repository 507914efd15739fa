package org.camalarm.push;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server side of RFC 7616 Digest for fake devices, written independently of the client
 * code: issues nonces, checks the client's response by recomputing it, and can expire nonces
 * to force a {@code stale=true} re-challenge.
 */
final class DigestVerifier {

    enum Outcome {
        MISSING,
        WRONG,
        STALE,
        OK
    }

    private static final Pattern PARAM =
            Pattern.compile("([A-Za-z0-9*-]+)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^,\\s]+))");

    private final String realm;
    private final String algorithm;
    private final String user;
    private final String password;
    private final Set<String> valid = ConcurrentHashMap.newKeySet();
    private final Set<String> expired = ConcurrentHashMap.newKeySet();
    /** Every (nonce, nc) pair answered, in order. */
    final List<String> nonceCounts = new CopyOnWriteArrayList<>();

    final List<Map<String, String>> authorizations = new CopyOnWriteArrayList<>();

    DigestVerifier(String realm, String algorithm, String user, String password) {
        this.realm = realm;
        this.algorithm = algorithm;
        this.user = user;
        this.password = password;
    }

    /** A {@code WWW-Authenticate} value with a fresh nonce. */
    String challenge(boolean stale) {
        String nonce = UUID.randomUUID().toString().replace("-", "");
        valid.add(nonce);
        return "Digest qop=\"auth\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", algorithm=" + algorithm
                + ", opaque=\"op-" + realm + "\"" + (stale ? ", stale=true" : "");
    }

    /** Makes every nonce issued so far stale. */
    void expireAll() {
        expired.addAll(valid);
        valid.clear();
    }

    Outcome check(FakeDevice.Seen request) throws Exception {
        String header = request.header("Authorization");
        if (header == null || !header.startsWith("Digest ")) {
            return Outcome.MISSING;
        }
        Map<String, String> p = new java.util.HashMap<>();
        Matcher m = PARAM.matcher(header.substring(7));
        while (m.find()) {
            p.put(m.group(1), m.group(2) != null ? m.group(2).replaceAll("\\\\(.)", "$1") : m.group(3));
        }
        authorizations.add(Map.copyOf(p));
        String nonce = p.get("nonce");
        if (!request.target().equals(p.get("uri"))
                || !realm.equals(p.get("realm"))
                || !user.equals(p.get("username"))
                || !("op-" + realm).equals(p.get("opaque"))
                || !"auth".equals(p.get("qop"))
                || !algorithm.equals(p.get("algorithm"))
                || p.get("cnonce") == null
                || p.get("nc") == null) {
            return Outcome.WRONG;
        }
        String jca = algorithm.startsWith("SHA-256") ? "SHA-256" : "MD5";
        String ha1 = h(jca, user + ":" + realm + ":" + password);
        String ha2 = h(jca, request.method() + ":" + p.get("uri"));
        String expected = h(jca, ha1 + ":" + nonce + ":" + p.get("nc") + ":" + p.get("cnonce") + ":auth:" + ha2);
        if (!expected.equals(p.get("response"))) {
            return Outcome.WRONG;
        }
        if (expired.contains(nonce)) {
            return Outcome.STALE;
        }
        if (!valid.contains(nonce)) {
            return Outcome.WRONG;
        }
        nonceCounts.add(nonce + "/" + p.get("nc"));
        return Outcome.OK;
    }

    /** The standard reply for an outcome other than OK: 401 with a (stale) challenge. */
    FakeDevice.Reply unauthorized(Outcome outcome) {
        return FakeDevice.Reply.of(401, "401 Unauthorized")
                .withHeader("WWW-Authenticate", challenge(outcome == Outcome.STALE));
    }

    private static String h(String jca, String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(jca).digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
