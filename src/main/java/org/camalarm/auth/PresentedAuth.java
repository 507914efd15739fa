package org.camalarm.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;

/**
 * What one request presented to prove who sent it, checked against the credentials it needs:
 * {@code Authorization: Basic} (sent preemptively by embedded clients given a password) or
 * {@code Digest} (RFC 7616 and RFC 2617: MD5 or SHA-256, plain or {@code -sess}, {@code qop=auth}
 * or none, answering a nonce of ours). Immutable and thread-safe.
 */
public final class PresentedAuth {

    /** Nothing presented, over plain HTTP (UDP, tests): refused by every camera that needs credentials. */
    public static final PresentedAuth NONE = new PresentedAuth(null, "", "", false, null);

    static final String REALM = "camalarm";
    private static final HexFormat HEX = HexFormat.of();

    private final @Nullable String authorization;
    private final String method;
    private final String requestTarget;
    private final boolean secure;
    private final @Nullable DigestNonces nonces;

    /**
     * @param requestTarget the path and query as the request line gave them (a Digest answer names it)
     * @param secure        whether the request came over TLS
     */
    PresentedAuth(
            @Nullable String authorization,
            String method,
            String requestTarget,
            boolean secure,
            @Nullable DigestNonces nonces) {
        this.authorization = authorization;
        this.method = method;
        this.requestTarget = requestTarget;
        this.secure = secure;
        this.nonces = nonces;
    }

    /** Whether the request came over TLS, so credentials in it did not travel in clear. */
    public boolean secure() {
        return secure;
    }

    /** The scheme the request used, for logs and properties: {@code Basic}, {@code Digest MD5}, ..., or {@code none}. */
    public String scheme() {
        String header = authorization;
        if (header == null || header.isBlank()) {
            return "none";
        }
        String trimmed = header.strip();
        String scheme = schemeOf(trimmed);
        if (!"digest".equalsIgnoreCase(scheme)) {
            return scheme.matches("[A-Za-z0-9-]{1,16}") ? scheme : "other";
        }
        String algorithm =
                DigestParams.parse(trimmed.substring(scheme.length())).get("algorithm");
        return "Digest " + (algorithm == null ? "MD5" : algorithm.toUpperCase(Locale.ROOT));
    }

    /** Whether these are {@code expected}; never says which part was wrong. */
    public AuthResult check(Credentials expected) {
        String header = authorization;
        if (header == null || header.isBlank()) {
            return AuthResult.MISSING;
        }
        String trimmed = header.strip();
        String scheme = schemeOf(trimmed);
        String rest = trimmed.substring(scheme.length()).strip();
        DigestNonces issued = nonces;
        if ("basic".equalsIgnoreCase(scheme)) {
            return basic(rest, expected);
        }
        if ("digest".equalsIgnoreCase(scheme) && issued != null) {
            return digest(DigestParams.parse(rest), expected, issued);
        }
        return AuthResult.MISSING; // Bearer and others: answered with our challenges
    }

    private static String schemeOf(String trimmed) {
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }

    private static AuthResult basic(String encoded, Credentials expected) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return AuthResult.WRONG;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return AuthResult.WRONG;
        }
        // both compared, always: the time taken says nothing about which one is wrong
        boolean user = same(decoded.substring(0, colon), expected.username());
        boolean password = same(decoded.substring(colon + 1), expected.password());
        return user & password ? AuthResult.ACCEPTED : AuthResult.WRONG;
    }

    private AuthResult digest(Map<String, String> params, Credentials expected, DigestNonces issued) {
        String username = params.get("username");
        String realm = params.get("realm");
        String nonce = params.get("nonce");
        String uri = params.get("uri");
        String response = params.get("response");
        if (username == null || realm == null || nonce == null || uri == null || response == null) {
            return AuthResult.WRONG;
        }
        DigestNonces.Check freshness = issued.check(nonce);
        if (freshness == DigestNonces.Check.FOREIGN) {
            return AuthResult.MISSING; // not ours, or from before a restart: challenge anew, nothing is learnt
        }
        String given = params.get("algorithm");
        String algorithm = given == null ? "MD5" : given.toUpperCase(Locale.ROOT);
        boolean session = algorithm.endsWith("-SESS");
        String hash = session ? algorithm.substring(0, algorithm.length() - 5) : algorithm;
        if (!REALM.equals(realm) || !samePath(uri, requestTarget) || !hash.matches("MD5|SHA-256")) {
            return AuthResult.WRONG;
        }
        if (params.containsKey("userhash") && "true".equalsIgnoreCase(params.get("userhash"))) {
            return AuthResult.WRONG; // not offered by our challenge
        }
        String qop = params.get("qop");
        String nc = params.get("nc");
        String cnonce = params.get("cnonce");
        String ha1 = hash(hash, expected.username() + ":" + REALM + ":" + expected.password());
        if (session) {
            if (cnonce == null) {
                return AuthResult.WRONG;
            }
            ha1 = hash(hash, ha1 + ":" + nonce + ":" + cnonce);
        }
        String ha2 = hash(hash, method + ":" + uri);
        String wanted;
        if (qop == null) {
            wanted = hash(hash, ha1 + ":" + nonce + ":" + ha2); // RFC 2069, as old clients answer
        } else if ("auth".equalsIgnoreCase(qop) && nc != null && cnonce != null) {
            wanted = hash(hash, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
        } else {
            return AuthResult.WRONG;
        }
        boolean user = same(username, expected.username());
        boolean answer = same(response.toLowerCase(Locale.ROOT), wanted);
        if (!(user & answer)) {
            return AuthResult.WRONG;
        }
        return freshness == DigestNonces.Check.VALID ? AuthResult.ACCEPTED : AuthResult.STALE;
    }

    /** The Digest {@code uri} names the request's path (absolute form allowed); the query may differ in encoding. */
    private static boolean samePath(String uri, String requestTarget) {
        return pathOf(uri).equals(pathOf(requestTarget));
    }

    private static String pathOf(String target) {
        String path = target;
        int scheme = path.indexOf("://");
        if (scheme > 0 && scheme < 8) {
            int slash = path.indexOf('/', scheme + 3);
            path = slash < 0 ? "/" : path.substring(slash);
        }
        int question = path.indexOf('?');
        return question < 0 ? path : path.substring(0, question);
    }

    private static String hash(String algorithm, String text) {
        try {
            return HEX.formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }

    private static boolean same(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
