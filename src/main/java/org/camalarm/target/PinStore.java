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
 * HTTPS certificate fingerprints learned by trust on first use, by thing UID, kept in
 * {@code userdata/camalarm/pins.properties}. A pin set in the thing's configuration
 * ({@code certificateFingerprint}) wins over a learned one; configuration files are never written.
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

    /** The learned pin of a thing, or {@code null}. */
    public synchronized @Nullable String pin(String thingUID) {
        return load().getProperty(thingUID);
    }

    public synchronized void save(String thingUID, String fingerprint) {
        Properties pins = load();
        pins.setProperty(thingUID, fingerprint);
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
        LOGGER.info("{}: trusting its HTTPS certificate {} from now on (first use)", thingUID, fingerprint);
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
