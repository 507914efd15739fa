package org.camalarm.userdata;

import java.nio.file.Path;
import org.osgi.framework.BundleContext;

/**
 * Where camalarm keeps its own files (generated tokens, certificate pins): {@code camalarm/} under
 * the embedded hub's {@code userdata/}, openHAB's {@code userdata/} or Karaf's {@code data/}; the
 * bundle's data area only in other hubs. Not the bundle cache where avoidable: openHAB empties it
 * on upgrades, and generated tokens must not change behind the cameras' backs.
 */
public final class UserdataFiles {

    /** Framework or system properties naming a directory that survives upgrades, in order of preference. */
    private static final String[] USERDATA_PROPERTIES = {"camalarm.userdata", "openhab.userdata", "karaf.data"};

    private UserdataFiles() {}

    public static Path resolve(BundleContext context, String fileName) {
        for (String property : USERDATA_PROPERTIES) {
            String directory = context.getProperty(property);
            if (directory != null && !directory.isBlank()) {
                return Path.of(directory, "camalarm", fileName);
            }
        }
        return context.getDataFile(fileName).toPath();
    }
}
