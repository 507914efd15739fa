package org.camalarm.push;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jdt.annotation.Nullable;

/**
 * HTTP Digest access authentication, client side (RFC 7616; RFC 2069 form when the challenge has
 * no {@code qop}). Algorithms MD5, MD5-sess, SHA-256 and SHA-256-sess; {@code qop=auth}, or
 * {@code auth-int} when the device offers only that. Stateless and thread-safe: the nonce count
 * lives with the caller ({@link DeviceAuth}).
 *
 * <p>Not supported: {@code userhash=true}, SHA-512-256 (no device we push to uses them).
 */
final class DigestAuth {

    /** The algorithms we answer, best first when a device offers several. */
    enum Algorithm {
        SHA_256("SHA-256", "SHA-256", false),
        SHA_256_SESS("SHA-256-sess", "SHA-256", true),
        MD5("MD5", "MD5", false),
        MD5_SESS("MD5-sess", "MD5", true);

        private final String token;
        private final String jcaName;
        private final boolean session;

        Algorithm(String token, String jcaName, boolean session) {
            this.token = token;
            this.jcaName = jcaName;
            this.session = session;
        }

        /** The algorithm a challenge names (MD5 when it names none), if supported. */
        static Optional<Algorithm> of(AuthChallenge challenge) {
            String named = challenge.param("algorithm");
            if (named == null) {
                return Optional.of(MD5);
            }
            return Arrays.stream(values())
                    .filter(a -> a.token.equalsIgnoreCase(named))
                    .findFirst();
        }

        String hash(String text) {
            try {
                byte[] digest = MessageDigest.getInstance(jcaName).digest(text.getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(digest);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has " + jcaName, e);
            }
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int CNONCE_BYTES = 16;

    private DigestAuth() {}

    /**
     * The best Digest challenge we can answer: SHA-256 before MD5, plain before {@code -sess},
     * in the device's order otherwise. Empty when there is none (no Digest challenge, no nonce,
     * an unknown algorithm, or a {@code qop} list without {@code auth} or {@code auth-int}).
     */
    static Optional<AuthChallenge> choose(List<AuthChallenge> challenges) {
        return challenges.stream()
                .filter(c -> c.isScheme("Digest")
                        && c.param("nonce") != null
                        && Algorithm.of(c).isPresent()
                        && qop(c) != null)
                .min(Comparator.comparing(c -> Algorithm.of(c).orElseThrow()));
    }

    /** Whether the challenge says the nonce was stale (the credentials were right). */
    static boolean isStale(AuthChallenge challenge) {
        return "true".equalsIgnoreCase(challenge.param("stale"));
    }

    /** A fresh random client nonce. */
    static String newCnonce() {
        byte[] bytes = new byte[CNONCE_BYTES];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * The {@code Authorization} header value answering a challenge {@link #choose} accepted.
     *
     * @param uri        the request target exactly as in the request line
     * @param body       the request body, for {@code qop=auth-int} only ({@code null} = empty)
     * @param nonceCount how often this nonce has been used, this use included (1 for the first)
     * @param cnonce     the client nonce (see {@link #newCnonce()})
     */
    static String authorization(
            AuthChallenge challenge,
            String username,
            String password,
            String method,
            String uri,
            @Nullable String body,
            int nonceCount,
            String cnonce) {
        Algorithm algorithm = Algorithm.of(challenge)
                .orElseThrow(
                        () -> new IllegalArgumentException("unsupported algorithm " + challenge.param("algorithm")));
        String realm = orEmpty(challenge.param("realm"));
        String nonce = orEmpty(challenge.param("nonce"));
        String qop = qop(challenge);
        if (qop == null) {
            throw new IllegalArgumentException("no supported qop in " + challenge.param("qop"));
        }
        String nc = String.format(Locale.ROOT, "%08x", nonceCount);

        String ha1 = algorithm.hash(username + ":" + realm + ":" + password);
        if (algorithm.session) {
            ha1 = algorithm.hash(ha1 + ":" + nonce + ":" + cnonce);
        }
        String ha2 = "auth-int".equals(qop)
                ? algorithm.hash(method + ":" + uri + ":" + algorithm.hash(body == null ? "" : body))
                : algorithm.hash(method + ":" + uri);
        String response = qop.isEmpty()
                ? algorithm.hash(ha1 + ":" + nonce + ":" + ha2)
                : algorithm.hash(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);

        StringBuilder header = new StringBuilder("Digest ");
        if (isPlainAscii(username)) {
            header.append("username=").append(quote(username));
        } else {
            header.append("username*=UTF-8''").append(percentEncode(username));
        }
        header.append(", realm=").append(quote(realm));
        header.append(", nonce=").append(quote(nonce));
        header.append(", uri=").append(quote(uri));
        if (challenge.param("algorithm") != null) {
            header.append(", algorithm=").append(algorithm.token);
        }
        if (!qop.isEmpty()) {
            header.append(", qop=")
                    .append(qop)
                    .append(", nc=")
                    .append(nc)
                    .append(", cnonce=")
                    .append(quote(cnonce));
        }
        header.append(", response=").append(quote(response));
        String opaque = challenge.param("opaque");
        if (opaque != null) {
            header.append(", opaque=").append(quote(opaque));
        }
        return header.toString();
    }

    /** {@code auth} when offered, else {@code auth-int}, {@code ""} when the challenge has no qop, {@code null} when none fits. */
    private static @Nullable String qop(AuthChallenge challenge) {
        String offered = challenge.param("qop");
        if (offered == null) {
            return "";
        }
        List<String> options = Arrays.stream(offered.split(","))
                .map(String::strip)
                .map(s -> s.toLowerCase(Locale.ROOT))
                .toList();
        if (options.contains("auth")) {
            return "auth";
        }
        return options.contains("auth-int") ? "auth-int" : null;
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static boolean isPlainAscii(String text) {
        return text.chars().allMatch(c -> c >= 0x20 && c < 0x7F);
    }

    /** RFC 8187 value characters. */
    private static String percentEncode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return out.toString();
    }
}
