package org.camalarm.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says which camalarm configurations are loaded and removed (one INFO line each), and explains the
 * files nobody will read: a thing type that does not exist ({@code camalarm.vigii-shed.cfg}) or a
 * name without the {@code -} between type and id ({@code camalarm.vigi_shed.cfg}) — FileInstall
 * would otherwise load them into Configuration Admin where no component ever looks. Problems inside
 * a known configuration are reported by the component that reads it.
 */
@Component(service = ConfigurationListener.class, immediate = true)
public class ConfigFiles implements ConfigurationListener {

    private static final Logger LOGGER = LoggerFactory.getLogger(ConfigFiles.class);
    private static final String PREFIX = "camalarm.";

    private final ConfigurationAdmin configurationAdmin;
    private final ConfigReader configs;
    /** Where each loaded configuration came from, to name it once it is removed. */
    private final Map<String, String> sources = new HashMap<>();

    @Activate
    public ConfigFiles(@Reference ConfigurationAdmin configurationAdmin, @Reference ConfigReader configs) {
        this.configurationAdmin = configurationAdmin;
        this.configs = configs;
        try {
            Configuration[] existing = configurationAdmin.listConfigurations("(service.pid=" + PREFIX + "*)");
            for (Configuration configuration : existing == null ? new Configuration[0] : existing) {
                if (!forgetIfFileGone(configuration)) {
                    loaded(configuration);
                }
            }
        } catch (IOException | InvalidSyntaxException e) {
            LOGGER.warn("Cannot list the configurations: {}", e.toString());
        }
    }

    @NonNullByDefault({}) // Configuration Admin's interface says nothing of nullness
    @Override
    public void configurationEvent(ConfigurationEvent event) {
        String pid = event.getPid();
        if (pid == null || !pid.startsWith(PREFIX)) {
            return;
        }
        if (event.getType() == ConfigurationEvent.CM_DELETED) {
            String source;
            synchronized (sources) {
                source = sources.remove(pid);
            }
            LOGGER.info("Configuration removed: {}", source != null ? source : pid);
            return;
        }
        try {
            Configuration[] found = configurationAdmin.listConfigurations("(service.pid=" + pid + ")");
            if (found != null && found.length == 1) {
                loaded(found[0]);
            }
        } catch (IOException | InvalidSyntaxException e) {
            LOGGER.debug("Configuration {} changed but cannot be read: {}", pid, e.toString());
        }
    }

    /**
     * A configuration FileInstall read from a file that is no longer there was deleted while the hub
     * was stopped: FileInstall notices that only when it remembers the files it saw, in its bundle's
     * data area, and the embedded hub starts with a new framework cache every time. The user deleted
     * the file to remove the thing or rule: remove its configuration (what FileInstall does for a file
     * deleted while the hub runs). Returns whether it was removed.
     */
    private boolean forgetIfFileGone(Configuration configuration) {
        Dictionary<String, Object> properties = configuration.getProperties();
        Object fileName = properties == null ? null : properties.get(ConfigSource.FILEINSTALL_FILENAME);
        Path file = fileName == null ? null : ConfigSource.path(fileName);
        if (file == null || Files.exists(file)) {
            return false;
        }
        try {
            configuration.delete();
            LOGGER.info(
                    "Configuration removed: {} (the file was deleted while the hub was stopped)",
                    ConfigSource.file(fileName));
        } catch (IOException | IllegalStateException e) {
            LOGGER.warn(
                    "{} was deleted but its configuration cannot be removed: {}",
                    ConfigSource.file(fileName),
                    e.toString());
        }
        return true;
    }

    private void loaded(Configuration configuration) {
        Dictionary<String, Object> dictionary = configuration.getProperties();
        if (dictionary == null) {
            return; // created, not yet given properties
        }
        Map<String, Object> properties = new HashMap<>();
        for (String key : java.util.Collections.list(dictionary.keys())) {
            properties.put(key, dictionary.get(key));
        }
        String source = ConfigSource.of(properties);
        synchronized (sources) {
            sources.put(configuration.getPid(), source);
        }
        String problem = problem(configuration.getPid(), configuration.getFactoryPid());
        if (problem == null) {
            LOGGER.info("Configuration loaded: {}", source);
        } else {
            LOGGER.warn("{}: {}", source, problem);
        }
    }

    /** Why nobody will read this configuration, or {@code null} when a component will. */
    @Nullable
    String problem(String pid, @Nullable String factoryPid) {
        List<ConfigDescription> known = configs.descriptions(null);
        if (factoryPid != null) {
            String name = pid.substring(pid.indexOf('~') + 1);
            int dash = name.indexOf('-');
            // FileInstall splits a file name at its first '-': camalarm.2n-relay-gate is factory camalarm.2n, name
            // relay-gate
            String longer = dash > 0 ? factoryPid + "-" + name.substring(0, dash) : null;
            if (known.stream()
                    .anyMatch(d -> d.factory()
                            && (d.pid().equals(factoryPid) || d.pid().equals(longer)))) {
                return null;
            }
            String type = factoryPid.substring(PREFIX.length());
            return "there is no thing type '" + type + "'" + closest(type, known, true)
                    + "; file names are camalarm.<type>-<id>.cfg with <type> one of " + types(known);
        }
        if (known.stream().anyMatch(d -> !d.factory() && d.pid().equals(pid))) {
            return null;
        }
        String name = pid.substring(PREFIX.length());
        for (ConfigDescription d : known) {
            String type = d.pid().substring(PREFIX.length());
            if (d.factory()
                    && name.length() > type.length() + 1
                    && name.startsWith(type)
                    && !Character.isLetterOrDigit(name.charAt(type.length()))) {
                return "not a camalarm file name: write a '-' between type and id, camalarm." + type + "-"
                        + name.substring(type.length() + 1) + ".cfg";
            }
        }
        return "camalarm reads no configuration " + pid + "; file names are camalarm.server.cfg or"
                + " camalarm.<type>-<id>.cfg with <type> one of " + types(known);
    }

    private static String types(List<ConfigDescription> known) {
        return known.stream()
                .filter(ConfigDescription::factory)
                .map(d -> d.pid().substring(PREFIX.length()))
                .sorted()
                .collect(Collectors.joining(", "));
    }

    private static String closest(String type, List<ConfigDescription> known, boolean factory) {
        String best = null;
        int distance = Integer.MAX_VALUE;
        for (ConfigDescription d : known) {
            String candidate = d.pid().substring(PREFIX.length());
            int dist = TypedValues.distance(type.toLowerCase(Locale.ROOT), candidate);
            if (d.factory() == factory && dist < distance) {
                distance = dist;
                best = candidate;
            }
        }
        return best != null && distance <= 2 ? " (did you mean " + best + "?)" : "";
    }
}
