package org.camalarm.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.felix.metatype.AD;
import org.apache.felix.metatype.Designate;
import org.apache.felix.metatype.MetaData;
import org.apache.felix.metatype.MetaDataReader;
import org.apache.felix.metatype.OCD;

/**
 * A {@link ConfigReader} over the Metatype bnd generated into {@code target/classes}, read with
 * Felix Metatype's own parser and localized with {@code OSGI-INF/l10n/metatype.properties}: what
 * the hub's MetaTypeService serves, without a framework.
 */
public final class TestConfigs {

    private static ConfigReader reader;

    private TestConfigs() {}

    public static synchronized ConfigReader reader() {
        if (reader == null) {
            reader = ConfigReader.of(descriptions());
        }
        return reader;
    }

    private static List<ConfigDescription> descriptions() {
        Properties labels = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("OSGI-INF/l10n/metatype.properties"))) {
            labels.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ConfigDescription> all = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of("target/classes/OSGI-INF/metatype"))) {
            for (Path file : files) {
                MetaData metadata = new MetaDataReader().parse(file.toUri().toURL());
                for (Object d : metadata.getDesignates()) {
                    Designate designate = (Designate) d;
                    String pid = designate.getFactoryPid() != null ? designate.getFactoryPid() : designate.getPid();
                    OCD ocd = (OCD) metadata.getObjectClassDefinitions()
                            .get(designate.getObject().getOcdRef());
                    all.add(describe(pid, designate.getFactoryPid() != null, ocd, labels));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("run the build first: the Metatype comes from bnd", e);
        }
        return all;
    }

    private static ConfigDescription describe(String pid, boolean factory, OCD ocd, Properties labels) {
        List<AttributeDescription> attributes = new ArrayList<>();
        for (Object a : ocd.getAttributeDefinitions().values()) {
            AD ad = (AD) a;
            Map<String, String> options = new LinkedHashMap<>();
            String[] values = ad.getOptionValues();
            for (int i = 0; values != null && i < values.length; i++) {
                options.put(values[i], text(ad.getOptionLabels()[i], labels));
            }
            String[] defaults = ad.getDefaultValue();
            attributes.add(new AttributeDescription(
                    ad.getID(),
                    text(ad.getName(), labels),
                    text(ad.getDescription(), labels),
                    type(ad.getType()),
                    ad.getCardinality() != 0,
                    defaults == null ? List.of() : List.of(defaults),
                    options,
                    ad.isRequired() && (defaults == null || defaults.length == 0)));
        }
        return new ConfigDescription(
                pid, factory, text(ocd.getName(), labels), text(ocd.getDescription(), labels), attributes);
    }

    private static String type(int type) {
        return switch (type) {
            case 3, 4 -> AttributeDescription.INTEGER;
            case 2 -> AttributeDescription.LONG;
            case 7, 8 -> AttributeDescription.DOUBLE;
            case 11 -> AttributeDescription.BOOLEAN;
            case 12 -> AttributeDescription.PASSWORD;
            default -> AttributeDescription.STRING;
        };
    }

    private static String text(String text, Properties labels) {
        if (text == null) {
            return "";
        }
        return text.startsWith("%") ? labels.getProperty(text.substring(1), text) : text;
    }
}
