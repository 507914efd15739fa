package org.camalarm.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * The configurations this bundle declares, as its Metatype describes them (through the standard
 * {@link MetaTypeService}, so labels are localized as {@code OSGI-INF/l10n} says), and the reading
 * of a configuration through its typed interface ({@link #read}). Thread-safe.
 */
@Component(service = ConfigReader.class)
public class ConfigReader {

    /** Where every configuration's labels and descriptions are, for {@code @ObjectClassDefinition(localization=...)}. */
    public static final String LOCALIZATION = "OSGI-INF/l10n/metatype";

    /** Where descriptions come from: the Metatype of a bundle, or a fixed set in tests. */
    @FunctionalInterface
    interface Source {
        /** The descriptions of every PID, in the given locale ({@code null}: the default one). */
        Map<String, ConfigDescription> all(@Nullable String locale);
    }

    private final Source source;
    /** Default-locale descriptions by PID: the ones configurations are read with. */
    private final Map<String, ConfigDescription> defaults = new ConcurrentHashMap<>();

    @Activate
    public ConfigReader(BundleContext context, @Reference MetaTypeService metatype) {
        this(locale -> describe(metatype.getMetaTypeInformation(context.getBundle()), locale));
    }

    ConfigReader(Source source) {
        this.source = source;
    }

    /** A reader of fixed descriptions (tests, tools). */
    public static ConfigReader of(Collection<ConfigDescription> descriptions) {
        Map<String, ConfigDescription> byPid = new LinkedHashMap<>();
        descriptions.forEach(d -> byPid.put(d.pid(), d));
        return new ConfigReader(locale -> byPid);
    }

    /** The description of a (factory) PID in the default locale. */
    public Optional<ConfigDescription> describe(String pid) {
        ConfigDescription known = defaults.get(pid);
        if (known == null) {
            known = source.all(null).get(pid);
            if (known != null) {
                defaults.put(pid, known);
            }
        }
        return Optional.ofNullable(known);
    }

    /** Every description, labels in {@code locale} ({@code null} or unknown: the default), by PID. */
    public List<ConfigDescription> descriptions(@Nullable String locale) {
        List<ConfigDescription> all = new ArrayList<>(source.all(locale).values());
        all.sort(Comparator.comparing(ConfigDescription::pid));
        return all;
    }

    /**
     * Reads {@code properties} through {@code type}, an interface whose methods are the keys of
     * {@code pid}'s description (named as DS and Metatype name them: {@code switch$()} is
     * {@code switch}). Keys the description does not know are problems ("did you mean ...?"),
     * except Configuration Admin's, FileInstall's and DS's own and those {@code moreKeys} accepts.
     *
     * @throws IllegalArgumentException when {@code pid} has no description (a defect of ours)
     */
    public <T> ConfigReading<T> read(Class<T> type, String pid, Map<String, ?> properties, Predicate<String> moreKeys) {
        ConfigDescription description =
                describe(pid).orElseThrow(() -> new IllegalArgumentException("the bundle has no Metatype for " + pid));
        return TypedValues.read(type, description, properties, moreKeys);
    }

    /** {@link #read(Class, String, Map, Predicate)} accepting no keys beyond the description's. */
    public <T> ConfigReading<T> read(Class<T> type, String pid, Map<String, ?> properties) {
        return read(type, pid, properties, key -> false);
    }

    private static Map<String, ConfigDescription> describe(
            @Nullable MetaTypeInformation info, @Nullable String locale) {
        Map<String, ConfigDescription> byPid = new LinkedHashMap<>();
        if (info == null) {
            return byPid;
        }
        for (String pid : info.getPids()) {
            byPid.put(pid, describe(pid, false, info.getObjectClassDefinition(pid, locale)));
        }
        for (String pid : info.getFactoryPids()) {
            byPid.put(pid, describe(pid, true, info.getObjectClassDefinition(pid, locale)));
        }
        return byPid;
    }

    private static ConfigDescription describe(String pid, boolean factory, ObjectClassDefinition ocd) {
        List<AttributeDescription> attributes = new ArrayList<>();
        List<String> required = new ArrayList<>();
        AttributeDefinition[] mandatory = ocd.getAttributeDefinitions(ObjectClassDefinition.REQUIRED);
        for (AttributeDefinition ad : mandatory == null ? new AttributeDefinition[0] : mandatory) {
            required.add(ad.getID());
        }
        AttributeDefinition[] ads = ocd.getAttributeDefinitions(ObjectClassDefinition.ALL);
        for (AttributeDefinition ad : ads == null ? new AttributeDefinition[0] : ads) {
            attributes.add(attribute(ad, required.contains(ad.getID())));
        }
        return new ConfigDescription(
                pid, factory, text(ocd.getName()), text(ocd.getDescription()), List.copyOf(attributes));
    }

    private static AttributeDescription attribute(AttributeDefinition ad, boolean required) {
        String[] defaults = ad.getDefaultValue();
        String[] values = ad.getOptionValues();
        String[] labels = ad.getOptionLabels();
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; values != null && i < values.length; i++) {
            options.put(values[i], labels != null && i < labels.length ? labels[i] : values[i]);
        }
        return new AttributeDescription(
                ad.getID(),
                text(ad.getName()),
                text(ad.getDescription()),
                typeName(ad.getType()),
                ad.getCardinality() != 0,
                defaults == null ? List.of() : List.of(defaults),
                options,
                required && (defaults == null || defaults.length == 0));
    }

    private static String typeName(int type) {
        return switch (type) {
            case AttributeDefinition.INTEGER -> AttributeDescription.INTEGER;
            case AttributeDefinition.LONG -> AttributeDescription.LONG;
            case AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT -> AttributeDescription.DOUBLE;
            case AttributeDefinition.BOOLEAN -> AttributeDescription.BOOLEAN;
            case AttributeDefinition.PASSWORD -> AttributeDescription.PASSWORD;
            default -> AttributeDescription.STRING;
        };
    }

    private static String text(@Nullable String text) {
        return text == null ? "" : text.strip();
    }
}
