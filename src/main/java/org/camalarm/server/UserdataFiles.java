package org.camalarm.server;

import java.nio.file.Path;

import org.osgi.framework.BundleContext;

/**
 * Where camalarm keeps its own files: {@code <camalarm.userdata>/camalarm/} in the embedded hub,
 * the bundle's data area in any other OSGi hub.
 */
public final class UserdataFiles {

    /** Framework property the embedded hub sets to its {@code userdata/} directory. */
    static final String USERDATA_PROPERTY = "camalarm.userdata";

    private UserdataFiles() {
    }

    public static Path resolve(BundleContext context, String fileName) {
        String userdata = context.getProperty(USERDATA_PROPERTY);
        return userdata != null ? Path.of(userdata, "camalarm", fileName) : context.getDataFile(fileName).toPath();
    }
}
