package org.camalarm.mqtt;

import org.camalarm.config.ConfigReader;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * {@code camalarm.mqtt} ({@code conf/camalarm.mqtt.cfg}): the broker the bridge publishes to, and
 * what it publishes. An empty {@code broker} turns the bridge off. Labels and descriptions are in
 * {@code OSGI-INF/l10n/metatype.properties}.
 */
@ObjectClassDefinition(name = "%mqtt.name", description = "%mqtt.description", localization = ConfigReader.LOCALIZATION)
public interface MqttConfig {

    @AttributeDefinition(name = "%mqtt.broker.name", description = "%mqtt.broker.description", required = false)
    String broker();

    @AttributeDefinition(name = "%mqtt.username.name", description = "%mqtt.username.description", required = false)
    String username();

    @AttributeDefinition(
            name = "%mqtt.password.name",
            description = "%mqtt.password.description",
            type = AttributeType.PASSWORD,
            required = false)
    String password();

    @AttributeDefinition(name = "%mqtt.clientId.name", description = "%mqtt.clientId.description", required = false)
    String clientId();

    @AttributeDefinition(
            name = "%mqtt.baseTopic.name",
            description = "%mqtt.baseTopic.description",
            defaultValue = "camalarm")
    String baseTopic();

    @AttributeDefinition(
            name = "%mqtt.discoveryPrefix.name",
            description = "%mqtt.discoveryPrefix.description",
            defaultValue = "homeassistant")
    String discoveryPrefix();

    @AttributeDefinition(
            name = "%mqtt.discovery.name",
            description = "%mqtt.discovery.description",
            defaultValue = "true")
    boolean discovery();

    @AttributeDefinition(
            name = "%mqtt.publishImages.name",
            description = "%mqtt.publishImages.description",
            defaultValue = "true")
    boolean publishImages();

    @AttributeDefinition(
            name = "%mqtt.snapshotEntity.name",
            description = "%mqtt.snapshotEntity.description",
            defaultValue = "both",
            options = {
                @Option(label = "%mqtt.snapshotEntity.image", value = "image"),
                @Option(label = "%mqtt.snapshotEntity.camera", value = "camera"),
                @Option(label = "%mqtt.snapshotEntity.both", value = "both")
            })
    String snapshotEntity();

    @AttributeDefinition(
            name = "%mqtt.qos.name",
            description = "%mqtt.qos.description",
            defaultValue = "1",
            options = {
                @Option(label = "0", value = "0"),
                @Option(label = "1", value = "1"),
                @Option(label = "2", value = "2")
            })
    int qos();

    @AttributeDefinition(name = "%mqtt.caFile.name", description = "%mqtt.caFile.description", required = false)
    String caFile();

    @AttributeDefinition(
            name = "%mqtt.certificateFingerprint.name",
            description = "%mqtt.certificateFingerprint.description",
            required = false)
    String certificateFingerprint();

    @AttributeDefinition(name = "%mqtt.hubUrl.name", description = "%mqtt.hubUrl.description", required = false)
    String hubUrl();

    @AttributeDefinition(
            name = "%mqtt.reconnectDelay.name",
            description = "%mqtt.reconnectDelay.description",
            defaultValue = "1")
    double reconnectDelay();

    @AttributeDefinition(
            name = "%mqtt.maxReconnectDelay.name",
            description = "%mqtt.maxReconnectDelay.description",
            defaultValue = "60")
    double maxReconnectDelay();
}
