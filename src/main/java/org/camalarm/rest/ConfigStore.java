package org.camalarm.rest;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camalarm.thing.ThingConfigurations;
import org.camalarm.thing.ThingUID;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Finds the Configuration Admin configuration behind a thing or rule: a named factory
 * configuration {@code camalarm.<type>~<id>} (what FileInstall makes of a file), one named
 * {@code <id>.ui} with {@code thingId} (what REST and the inbox make, see {@link
 * ThingConfigurations#storedName}), an unnamed one with {@code thingId}, or a 2N file's
 * {@code camalarm.2n~relay-<id>}.
 */
final class ConfigStore {

    static final String FILE_PROPERTY = "felix.fileinstall.filename";
    private static final String PREFIX = "camalarm.";
    private static final String TWO_N = "camalarm.2n";

    private final ConfigurationAdmin admin;
    /** Held while a configuration is created (see {@link #create}). */
    private final Object creating = new Object();

    ConfigStore(ConfigurationAdmin admin) {
        this.admin = admin;
    }

    /** The configuration of thing type {@code type} (or {@code rule}) with this id. */
    Optional<Configuration> find(String type, String id) throws IOException {
        for (Configuration configuration : all()) {
            Dictionary<String, Object> properties = configuration.getProperties();
            ThingUID uid = properties == null ? null : uid(configuration.getFactoryPid(), properties);
            if (uid != null && uid.thingType().equals(type) && uid.thingId().equals(id)) {
                return Optional.of(configuration);
            }
        }
        return Optional.empty();
    }

    /** The file of every file-managed thing, by thing UID (rules under {@code camalarm:rule:<id>}). */
    Map<String, String> files() throws IOException {
        Map<String, String> files = new HashMap<>();
        for (Configuration configuration : all()) {
            Dictionary<String, Object> properties = configuration.getProperties();
            ThingUID uid = properties == null ? null : uid(configuration.getFactoryPid(), properties);
            String file = file(configuration);
            if (uid != null && file != null) {
                files.put(uid.toString(), file);
            }
        }
        return files;
    }

    private Configuration[] all() throws IOException {
        try {
            Configuration[] all = admin.listConfigurations("(service.factoryPid=" + PREFIX + "*)");
            return all == null ? new Configuration[0] : all;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("a fixed filter is valid", e);
        }
    }

    /** The thing (or rule, type {@code rule}) a factory configuration makes, or {@code null}. */
    static @Nullable ThingUID uid(@Nullable String factoryPid, Dictionary<String, Object> properties) {
        if (factoryPid == null || !factoryPid.startsWith(PREFIX)) {
            return null;
        }
        Map<String, Object> map = map(properties);
        String type = factoryPid.substring(PREFIX.length());
        try {
            String id = ThingConfigurations.thingId(map);
            if (TWO_N.equals(factoryPid)) {
                int dash = id.indexOf('-');
                return dash < 0 ? null : new ThingUID("2n-" + id.substring(0, dash), id.substring(dash + 1));
            }
            return new ThingUID(type, id);
        } catch (IllegalArgumentException e) {
            return null; // not a thing's configuration camalarm could start
        }
    }

    /** The file a configuration was read from ({@code conf/…}), or {@code null} when it is not file-managed. */
    static @Nullable String file(Configuration configuration) {
        Dictionary<String, Object> properties = configuration.getProperties();
        Object file = properties == null ? null : properties.get(FILE_PROPERTY);
        if (file == null) {
            return null;
        }
        String name = String.valueOf(file);
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return "conf/" + name.substring(slash + 1);
    }

    /**
     * Creates the configuration of a new thing or rule {@code id} with {@code properties} (which
     * carry its {@code thingId}); false when it exists already: found by {@link #find}, or a
     * configuration of its stored name whose {@code thingId} says another id, which must not be
     * overwritten. One at a time: two requests creating the same id at once get one true.
     */
    boolean create(String type, String id, Dictionary<String, Object> properties) throws IOException {
        synchronized (creating) {
            if (find(type, id).isPresent()) {
                return false;
            }
            Configuration configuration =
                    admin.getFactoryConfiguration(PREFIX + type, ThingConfigurations.storedName(id), "?");
            if (configuration.getProperties() != null) {
                return false;
            }
            configuration.update(properties);
            return true;
        }
    }

    ConfigurationAdmin admin() {
        return admin;
    }

    static Map<String, Object> map(Dictionary<String, Object> properties) {
        Map<String, Object> map = new HashMap<>();
        Enumeration<String> keys = properties.keys();
        while (keys.hasMoreElements()) {
            String key = keys.nextElement();
            map.put(key, properties.get(key));
        }
        return map;
    }
}
