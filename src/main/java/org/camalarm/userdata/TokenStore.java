package org.camalarm.userdata;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Tokens generated for the user and kept in a properties file (owner-readable only), so that the
 * URL typed into cameras survives restarts. Tokens are never logged. Several components keep their
 * own store of the same file and may ask for their first token at once: they take turns per file.
 */
public final class TokenStore {

    /** The file under camalarm's userdata directory. */
    public static final String FILE_NAME = "tokens.properties";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 24;
    /** One lock per file, shared by every store of it. */
    private static final ConcurrentMap<Path, Object> LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final Object lock;

    public TokenStore(Path file) {
        this.file = file;
        this.lock = LOCKS.computeIfAbsent(file.toAbsolutePath().normalize(), f -> new Object());
    }

    public Path file() {
        return file;
    }

    /** The kept token named {@code key}, generating and saving one the first time. */
    public String token(String key) throws IOException {
        synchronized (lock) {
            return tokenOf(key);
        }
    }

    private String tokenOf(String key) throws IOException {
        Properties tokens = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                tokens.load(in);
            }
        }
        String token = tokens.getProperty(key);
        if (token == null || token.isBlank()) {
            token = newToken();
            tokens.setProperty(key, token);
            save(tokens);
        }
        return token;
    }

    private void save(Properties tokens) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            tokens.store(
                    out,
                    "camalarm tokens (generated; set alarmToken/apiToken in camalarm.server.cfg to choose your own)");
        }
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own protection applies
        }
        Files.move(
                tmp,
                file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** 24 random bytes, URL-safe base64 (32 characters): safe in a URL path as typed into a camera. */
    static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
