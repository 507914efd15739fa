package org.camalarm.auth;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Digest nonces that need no memory: each one is its expiry time and an HMAC of it under a key
 * made at start, so any nonce this server issued is recognised until it expires and none can be
 * forged. A restart makes every earlier nonce unknown; the camera is then challenged again. Within a
 * nonce's lifetime a captured answer could be replayed to the same path: only over plain HTTP, which
 * cameras with credentials use only when their configuration allows it. Thread-safe.
 */
final class DigestNonces {

    /** How long a camera may keep answering with one nonce; cameras reuse it alarm after alarm. */
    static final Duration LIFETIME = Duration.ofMinutes(10);

    private static final int MAC_BYTES = 16;
    /** Milliseconds since the epoch, now. */
    private final LongSupplier clock;

    private final SecretKeySpec key;

    DigestNonces(LongSupplier clock) {
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** A new nonce, valid for {@link #LIFETIME}. */
    String issue() {
        long expiry = clock.getAsLong() + LIFETIME.toMillis();
        ByteBuffer nonce = ByteBuffer.allocate(Long.BYTES + MAC_BYTES);
        nonce.putLong(expiry).put(mac(expiry));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(nonce.array());
    }

    enum Check {
        VALID,
        EXPIRED,
        FOREIGN
    }

    /** Whether {@code nonce} is one of ours, and still valid. */
    Check check(String nonce) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return Check.FOREIGN;
        }
        if (bytes.length != Long.BYTES + MAC_BYTES) {
            return Check.FOREIGN;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long expiry = buffer.getLong();
        byte[] mac = new byte[MAC_BYTES];
        buffer.get(mac);
        if (!MessageDigest.isEqual(mac, mac(expiry))) {
            return Check.FOREIGN;
        }
        return clock.getAsLong() < expiry ? Check.VALID : Check.EXPIRED;
    }

    private byte[] mac(long expiry) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            byte[] full =
                    hmac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(expiry).array());
            byte[] cut = new byte[MAC_BYTES];
            System.arraycopy(full, 0, cut, 0, MAC_BYTES);
            return cut;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    }
}
