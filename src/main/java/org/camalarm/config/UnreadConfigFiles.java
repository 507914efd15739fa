package org.camalarm.config;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.camalarm.time.Timers;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names the files in FileInstall's directory that are meant for camalarm but that FileInstall never
 * reads, such as {@code camalarm.vigi-shed.conf} or {@code camalarm.vigi-shed.cfg.txt} (an editor's
 * or a download's extension): no configuration comes of them, so without this line a user waits
 * for a thing that never appears. One WARN per file when it is first seen (checked every
 * {@value #EVERY_SECONDS} s), again if it comes back after being removed. Does nothing when the
 * framework has no {@code felix.fileinstall.dir} and {@code felix.fileinstall.filter} (the embedded
 * hub and Karaf both set them).
 */
@Component(immediate = true)
public class UnreadConfigFiles {

    private static final Logger LOGGER = LoggerFactory.getLogger(UnreadConfigFiles.class);
    private static final int EVERY_SECONDS = 2;
    private static final String PREFIX = "camalarm.";

    private final Timers timers;
    private final @Nullable Path dir;
    private final @Nullable Pattern filter;
    /** The files reported and still there; touched by the timer thread only. */
    private final Set<String> reported = new HashSet<>();

    private volatile boolean active = true;
    private volatile Timers.@Nullable Cancellable next;

    @Activate
    public UnreadConfigFiles(BundleContext context, @Reference Timers timers) {
        this.timers = timers;
        String dirProperty = context.getProperty("felix.fileinstall.dir");
        String filterProperty = context.getProperty("felix.fileinstall.filter");
        this.dir = dirProperty == null ? null : Path.of(dirProperty);
        this.filter = filterProperty == null ? null : compile(filterProperty);
        if (dir != null && filter != null) {
            next = timers.schedule(Duration.ZERO, this::check);
        }
    }

    private static @Nullable Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            return null; // FileInstall would not start either: nothing to compare with
        }
    }

    private void check() {
        Path directory = dir;
        Pattern read = filter;
        if (!active || directory == null || read == null) {
            return;
        }
        Set<String> present = new HashSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = String.valueOf(file.getFileName());
                String problem = problem(name, read);
                if (problem != null && Files.isRegularFile(file)) {
                    present.add(name);
                    if (reported.add(name)) {
                        LOGGER.warn("{}: {}", ConfigSource.file(file.toString()), problem);
                    }
                }
            }
        } catch (IOException e) {
            LOGGER.debug("Cannot list {}: {}", directory, e.toString());
        }
        reported.retainAll(present);
        if (active) {
            next = timers.schedule(Duration.ofSeconds(EVERY_SECONDS), this::check);
        }
    }

    /**
     * Why FileInstall will not read a file named {@code name} that looks meant for camalarm, or
     * {@code null} when it will or when the file is not camalarm's (or is an editor's backup).
     */
    static @Nullable String problem(String name, Pattern read) {
        if (!name.startsWith(PREFIX) || read.matcher(name).matches() || isBackup(name)) {
            return null;
        }
        String rest = name.substring(PREFIX.length());
        int cfg = rest.indexOf(".cfg");
        int dot = rest.indexOf('.');
        String stem = cfg >= 0 ? rest.substring(0, cfg) : dot >= 0 ? rest.substring(0, dot) : rest;
        if (stem.isEmpty()) {
            return null;
        }
        return "never read: camalarm reads files named camalarm.<name>.cfg; rename it " + PREFIX + stem + ".cfg";
    }

    private static boolean isBackup(String name) {
        return name.endsWith("~") || name.endsWith(".swp") || name.endsWith(".bak") || name.endsWith(".orig");
    }

    @Deactivate
    void deactivate() {
        active = false;
        Timers.Cancellable pending = next;
        if (pending != null) {
            pending.cancel();
        }
    }
}
