package org.camalarm.camera;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;

/**
 * What every camera is configured with, declared once: the VIGI, iVSEC and Hikvision configuration
 * interfaces extend it, and bnd writes these keys with their defaults into both Metatypes. Read
 * with {@link org.camalarm.config.ConfigReader}; labels and descriptions are in
 * {@code OSGI-INF/l10n/metatype.properties}.
 */
public interface CameraConfig {

    @AttributeDefinition(name = "%label.name", description = "%camera.label.description", required = false)
    String label();

    @AttributeDefinition(name = "%camera.mac.name", description = "%camera.mac.description", required = false)
    String mac();

    @AttributeDefinition(name = "%camera.deviceId.name", description = "%camera.deviceId.description", required = false)
    String deviceId();

    @AttributeDefinition(name = "%camera.channel.name", description = "%camera.channel.description", required = false)
    String channel();

    @AttributeDefinition(
            name = "%camera.holdTime.name",
            description = "%camera.holdTime.description",
            defaultValue = "10")
    double holdTime();

    @AttributeDefinition(
            name = "%camera.maxAlarmDuration.name",
            description = "%camera.maxAlarmDuration.description",
            defaultValue = "300")
    double maxAlarmDuration();

    @AttributeDefinition(
            name = "%camera.allowedAddresses.name",
            description = "%camera.allowedAddresses.description",
            required = false,
            cardinality = 64)
    String[] allowedAddresses();

    // credentials an alarm must carry (issue 12): Basic or Digest, over HTTPS unless credentialsOverHttp

    @AttributeDefinition(name = "%camera.username.name", description = "%camera.username.description", required = false)
    String username();

    @AttributeDefinition(
            name = "%camera.password.name",
            description = "%camera.password.description",
            type = AttributeType.PASSWORD,
            required = false)
    String password();

    @AttributeDefinition(
            name = "%camera.credentialsOverHttp.name",
            description = "%camera.credentialsOverHttp.description",
            defaultValue = "false")
    boolean credentialsOverHttp();

    @AttributeDefinition(
            name = "%camera.offlineAfter.name",
            description = "%camera.offlineAfter.description",
            defaultValue = "0")
    double offlineAfter();
}
