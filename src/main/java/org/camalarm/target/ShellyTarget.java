package org.camalarm.target;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.camalarm.config.ConfigReader;
import org.camalarm.push.DeviceFamily;
import org.camalarm.push.DeviceSettings;
import org.camalarm.push.Protocol;
import org.camalarm.push.PushClient;
import org.camalarm.push.SharedTransport;
import org.camalarm.push.ShellyGeneration;
import org.camalarm.push.ShellyKind;
import org.camalarm.push.SwitchCommand;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** A Shelly relay or dimmer, Gen1 (REST) or Gen2+ (RPC, Digest SHA-256 as admin): thing {@code camalarm:shelly:<id>}. */
@Component(
        configurationPid = ShellyTarget.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = ShellyTarget.Config.class, factory = true)
public class ShellyTarget {

    static final String TYPE = "shelly";
    static final String PID = "camalarm.shelly";

    @ObjectClassDefinition(
            name = "%shelly.name",
            description = "%shelly.description",
            localization = ConfigReader.LOCALIZATION)
    public interface Config extends PushTargetConfig {
        @AttributeDefinition(
                name = "%shelly.generation.name",
                description = "%shelly.generation.description",
                defaultValue = "0",
                options = {
                    @Option(label = "%shelly.generation.ask", value = "0"),
                    @Option(label = "Gen1", value = "1"),
                    @Option(label = "Gen2+", value = "2")
                })
        int generation();

        @AttributeDefinition(
                name = "%shelly.kind.name",
                defaultValue = "relay",
                options = {
                    @Option(label = "%shelly.kind.relay", value = "relay"),
                    @Option(label = "%shelly.kind.light", value = "light")
                })
        String kind();

        @AttributeDefinition(name = "%shelly.index.name", description = "%shelly.index.description", defaultValue = "0")
        int index();

        @AttributeDefinition(
                name = "%pulseTime.name",
                description = "%shelly.pulseTime.description",
                defaultValue = "1")
        double pulseTime();
    }

    private final TargetLifecycle lifecycle;

    @Activate
    public ShellyTarget(@Reference TargetServices services, Map<String, Object> properties) {
        lifecycle = TargetLifecycle.start(KIND, properties, services);
    }

    static final TargetKind<Config> KIND = new TargetKind<>(
            TYPE,
            Config.class,
            EnumSet.of(Protocol.HTTP, Protocol.HTTPS),
            (config, properties, transport) -> plan(config, transport));

    /** @param transport what the detection of the generation sends on (it runs again after a failure) */
    static TargetPlan plan(Config config, @Nullable SharedTransport transport) {
        int index = TargetPlan.checked("index", config.index(), 0, 15);
        ShellyKind kind = ShellyKind.valueOf(config.kind().toUpperCase(java.util.Locale.ROOT));
        Duration pulse = TargetPlan.pulse(config.pulseTime());
        if (config.generation() == 1) {
            return TargetPlan.of(ShellyGeneration.GEN1.family(index, kind, pulse));
        }
        if (config.generation() >= 2) {
            return TargetPlan.of(ShellyGeneration.GEN2.family(index, kind, pulse));
        }
        return new TargetPlan(
                EnumSet.allOf(SwitchCommand.class),
                Map.of(),
                Map.of(),
                true,
                settings -> detect(
                        settings,
                        index,
                        kind,
                        pulse,
                        Objects.requireNonNull(transport, "a plan made only to check has no transport")));
    }

    /** Asks the device which API it speaks; a failed answer fails the push that needed it (and is asked again next time). */
    private static CompletableFuture<DeviceFamily> detect(
            DeviceSettings settings, int index, ShellyKind kind, @Nullable Duration pulse, SharedTransport transport) {
        PushClient client = new PushClient(settings, fingerprint -> {}, transport);
        return ShellyGeneration.detect(client).thenCompose(detection -> {
            client.close();
            ShellyGeneration generation = detection.generation();
            return generation == null
                    ? TargetHandler.failedFamily(detection.result())
                    : CompletableFuture.completedFuture(generation.family(index, kind, pulse));
        });
    }

    @Deactivate
    void deactivate() {
        lifecycle.stop();
    }
}
