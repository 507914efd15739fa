package org.camalarm.history;

import org.camalarm.config.ConfigReader;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * {@code camalarm.history} ({@code conf/camalarm.history.cfg}): whether the event history is kept,
 * and its limits. Read with {@link ConfigReader}; labels and descriptions are in
 * {@code OSGI-INF/l10n/metatype.properties}.
 */
@ObjectClassDefinition(
        name = "%history.name",
        description = "%history.description",
        localization = ConfigReader.LOCALIZATION)
public interface HistoryConfig {

    @AttributeDefinition(
            name = "%history.enabled.name",
            description = "%history.enabled.description",
            defaultValue = "true")
    boolean enabled();

    @AttributeDefinition(
            name = "%history.maxAgeDays.name",
            description = "%history.maxAgeDays.description",
            defaultValue = "30")
    double maxAgeDays();

    @AttributeDefinition(
            name = "%history.maxDiskMB.name",
            description = "%history.maxDiskMB.description",
            defaultValue = "1024")
    long maxDiskMB();

    @AttributeDefinition(
            name = "%history.minFreeDiskMB.name",
            description = "%history.minFreeDiskMB.description",
            defaultValue = "500")
    long minFreeDiskMB();
}
