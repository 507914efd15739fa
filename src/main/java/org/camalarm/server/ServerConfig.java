package org.camalarm.server;

import org.camalarm.config.ConfigReader;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * {@code camalarm.server}: the alarm server's tokens, limits and ports, the REST API's token and the web UI's password.
 * Read with {@link ConfigReader}; labels and descriptions are in {@code OSGI-INF/l10n/metatype.properties}.
 */
@ObjectClassDefinition(
        name = "%server.name",
        description = "%server.description",
        localization = ConfigReader.LOCALIZATION)
public interface ServerConfig {

    @AttributeDefinition(
            name = "%server.alarmToken.name",
            description = "%server.alarmToken.description",
            type = AttributeType.PASSWORD,
            required = false)
    String alarmToken();

    @AttributeDefinition(
            name = "%server.apiToken.name",
            description = "%server.apiToken.description",
            type = AttributeType.PASSWORD,
            required = false)
    String apiToken();

    @AttributeDefinition(
            name = "%server.maxBodyBytes.name",
            description = "%server.maxBodyBytes.description",
            defaultValue = "10485760")
    long maxBodyBytes();

    @AttributeDefinition(
            name = "%server.lenientPort.name",
            description = "%server.lenientPort.description",
            defaultValue = "0")
    int lenientPort();

    @AttributeDefinition(
            name = "%server.uiPassword.name",
            description = "%server.uiPassword.description",
            type = AttributeType.PASSWORD,
            required = false)
    String uiPassword();

    @AttributeDefinition(name = "%server.udpPort.name", description = "%server.udpPort.description", defaultValue = "0")
    int udpPort();
}
