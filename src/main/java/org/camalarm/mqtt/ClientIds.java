package org.camalarm.mqtt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The hub's own MQTT client id, {@code camalarm-} and 8 random hex digits: made once and kept in
 * {@code userdata/camalarm/}, so it is stable across restarts (a broker keeps one session per id)
 * and different on every hub (two clients with one id throw each other off the broker). At most 23
 * characters of letters, digits and '-', which every MQTT 3.1.1 broker must accept.
 */
final class ClientIds {

    static final String FILE_NAME = "mqtt-client-id";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9-]{1,23}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ClientIds() {}

    /** The id kept in {@code file}, made and kept there the first time. */
    static synchronized String stable(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            String kept = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (VALID.matcher(kept).matches()) {
                return kept;
            }
        }
        String id = fresh();
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, id + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return id;
    }

    static String fresh() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return "camalarm-" + HexFormat.of().formatHex(bytes);
    }
}
