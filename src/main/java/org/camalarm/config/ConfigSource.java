package org.camalarm.config;

import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Where a configuration came from, said the way a user finds it: the file FileInstall read
 * ({@code conf/camalarm.vigi-frontdoor.cfg}), else its PID ({@code camalarm.vigi~frontdoor}, made by
 * the inbox, the UI or another tool).
 */
public final class ConfigSource {

    /** Set by FileInstall on configurations it read from a file. */
    public static final String FILEINSTALL_FILENAME = "felix.fileinstall.filename";

    private ConfigSource() {}

    /** The folder and name of the file (e.g. {@code conf/camalarm.vigi-x.cfg}), else the PID. */
    public static String of(Map<String, ?> properties) {
        String file = file(properties.get(FILEINSTALL_FILENAME));
        if (file != null) {
            return file;
        }
        Object pid = properties.get("service.pid");
        return pid == null ? "a configuration without PID" : "configuration " + pid;
    }

    /** The file of a FileInstall file name ({@code file:/opt/hub/conf/x.cfg}, or a plain path), or null when it names none. */
    static @Nullable Path path(Object fileName) {
        String name = String.valueOf(fileName);
        try {
            return name.startsWith("file:") ? Path.of(URI.create(name)) : Path.of(name);
        } catch (IllegalArgumentException | FileSystemNotFoundException e) { // an InvalidPathException too
            return null;
        }
    }

    /** The last two segments of a FileInstall file name ({@code file:/opt/hub/conf/x.cfg} is {@code conf/x.cfg}). */
    static @Nullable String file(@Nullable Object fileName) {
        if (fileName == null) {
            return null;
        }
        String path = String.valueOf(fileName).replace('\\', '/');
        int last = path.lastIndexOf('/');
        int before = last > 0 ? path.lastIndexOf('/', last - 1) : -1;
        return before >= 0 ? path.substring(before + 1) : path.substring(last + 1);
    }
}
