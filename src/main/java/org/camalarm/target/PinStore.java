package org.camalarm.target;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import org.camalarm.userdata.UserdataFiles;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTPS certificate fingerprints learned by trust on first use, by thing UID and the device's
 * address ({@code camalarm:shelly:porch@192.168.1.20:443}), kept in
 * {@code userdata/camalarm/pins.properties}: a thing pointed at another device (a new address)
 * learns that device's certificate, instead of failing on the old one's for good. A pin set in the
 * thing's configuration ({@code certificateFingerprint}) wins over a learned one; configuration
 * files are never written.
 */
@Component(service = PinStore.class)
public class PinStore {

    private static final Logger LOGGER = LoggerFactory.getLogger(PinStore.class);
    private final Path file;

    @Activate
    public PinStore(BundleContext context) {
        this(UserdataFiles.resolve(context, "pins.properties"));
    }

    PinStore(Path file) {
        this.file = file;
    }

    /**
     * The pin learned for a thing's device at {@code host}:{@code port} ({@code 0}: the protocol's),
     * or {@code null}. A pin kept by thing UID alone (before addresses were part of the key) becomes
     * the pin of the address the thing has at its first start since: the device it was learned from.
     */
    public synchronized @Nullable String pin(String thingUID, String host, int port) {
        Properties pins = load();
        String pin = pins.getProperty(key(thingUID, host, port));
        String byUid = pins.getProperty(thingUID);
        if (pin == null && byUid != null) {
            write(pins, thingUID, host, port, byUid);
            return byUid;
        }
        return pin;
    }

    public synchronized void save(String thingUID, String host, int port, String fingerprint) {
        write(load(), thingUID, host, port, fingerprint);
        LOGGER.info("{}: trusting its HTTPS certificate {} from now on (first use)", thingUID, fingerprint);
    }

    private void write(Properties pins, String thingUID, String host, int port, String fingerprint) {
        pins.remove(thingUID); // a pin by UID alone: superseded
        pins.setProperty(key(thingUID, host, port), fingerprint);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                pins.store(out, "HTTPS certificate SHA-256 pins learned on first use; delete a line to trust anew");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep certificate pins in " + file, e);
        }
    }

    private static String key(String thingUID, String host, int port) {
        return thingUID + "@" + host + ":" + port;
    }

    private Properties load() {
        Properties pins = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                pins.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read certificate pins from " + file, e);
            }
        }
        return pins;
    }
}
