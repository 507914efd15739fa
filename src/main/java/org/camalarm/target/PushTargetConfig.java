package org.camalarm.target;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Option;

/**
 * What every push target is configured with, declared once: each target type's configuration
 * interface extends this one, and bnd writes these keys with their defaults into that type's
 * Metatype. Read with {@link org.camalarm.config.ConfigReader}; labels and descriptions are in
 * {@code OSGI-INF/l10n/metatype.properties}.
 */
public interface PushTargetConfig {

    @AttributeDefinition(name = "%label.name", description = "%target.label.description", required = false)
    String label();

    @AttributeDefinition(name = "%target.host.name", description = "%target.host.description")
    String host();

    @AttributeDefinition(name = "%target.port.name", description = "%target.port.description", defaultValue = "0")
    int port();

    @AttributeDefinition(
            name = "%target.protocol.name",
            description = "%target.protocol.description",
            defaultValue = "http",
            options = {
                @Option(label = "HTTP", value = "http"),
                @Option(label = "HTTPS", value = "https"),
                @Option(label = "UDP", value = "udp")
            })
    String protocol();

    @AttributeDefinition(name = "%target.username.name", description = "%target.username.description", required = false)
    String username();

    @AttributeDefinition(
            name = "%target.password.name",
            description = "%target.password.description",
            type = AttributeType.PASSWORD,
            required = false)
    String password();

    @AttributeDefinition(
            name = "%target.authMode.name",
            description = "%target.authMode.description",
            defaultValue = "auto",
            options = {
                @Option(label = "%target.authMode.auto", value = "auto"),
                @Option(label = "%target.authMode.none", value = "none"),
                @Option(label = "Basic", value = "basic"),
                @Option(label = "Digest", value = "digest")
            })
    String authMode();

    @AttributeDefinition(
            name = "%target.timeout.name",
            description = "%target.timeout.description",
            defaultValue = "5000")
    int timeout();

    @AttributeDefinition(
            name = "%target.interval.name",
            description = "%target.interval.description",
            defaultValue = "0")
    double interval();

    @AttributeDefinition(
            name = "%target.certificateFingerprint.name",
            description = "%target.certificateFingerprint.description",
            required = false)
    String certificateFingerprint();
}
