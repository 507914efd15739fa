package org.camalarm.target;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.camalarm.push.DeviceFamily;
import org.camalarm.push.DeviceSettings;
import org.camalarm.push.Protocol;
import org.camalarm.push.PushClient;
import org.camalarm.push.ShellyGeneration;
import org.camalarm.push.ShellyKind;
import org.camalarm.push.SwitchCommand;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** A Shelly relay or dimmer, Gen1 (REST) or Gen2+ (RPC, Digest SHA-256 as admin); thing {@code camalarm:shelly:<id>}, one per factory configuration. */
@Component(
        configurationPid = "camalarm.shelly",
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = ShellyTarget.Config.class, factory = true)
public class ShellyTarget {

    @ObjectClassDefinition(
            name = "Shelly relay or light",
            description = "A Shelly relay or dimmer, Gen1 (REST) or Gen2+ (RPC, Digest SHA-256 as admin)")
    public @interface Config {
        @AttributeDefinition(name = "Label", description = "Name shown for this device")
        String label() default "Shelly";

        @AttributeDefinition(name = "Host", description = "The device's name or IP address")
        String host();

        @AttributeDefinition(name = "Port", description = "0 = the protocol's default (80 for HTTP, 443 for HTTPS)")
        int port() default 0;

        @AttributeDefinition(
                name = "Protocol",
                options = {@Option(label = "HTTP", value = "http"), @Option(label = "HTTPS", value = "https")})
        String protocol() default "http";

        @AttributeDefinition(name = "Username", required = false, description = "Gen2+ uses admin when empty")
        String username() default "";

        @AttributeDefinition(name = "Password", required = false, type = AttributeType.PASSWORD)
        String password() default "";

        @AttributeDefinition(
                name = "Authentication",
                description = "auto answers the device's challenge" + " (Digest or Basic)",
                options = {
                    @Option(label = "Auto", value = "auto"),
                    @Option(label = "None", value = "none"),
                    @Option(label = "Basic", value = "basic"),
                    @Option(label = "Digest", value = "digest")
                })
        String authMode() default "auto";

        @AttributeDefinition(name = "Timeout", description = "Milliseconds to connect, and again for the reply")
        int timeout() default 5000;

        @AttributeDefinition(
                name = "Interval",
                description = "Minimum seconds between two pushes of the same"
                        + " command (decimals allowed); repeats inside it are dropped and counted. 0 = off")
        double interval() default 0;

        @AttributeDefinition(
                name = "Certificate fingerprint",
                required = false,
                description =
                        "HTTPS: SHA-256"
                                + " of the device certificate. Empty = trust the first one seen and keep it (userdata/camalarm/pins.properties)")
        String certificateFingerprint() default "";

        @AttributeDefinition(
                name = "Generation",
                description =
                        "1 (REST API) or 2 (RPC API: Gen2, Gen3, Plus, Pro);" + " 0 = ask the device (GET /shelly)")
        int generation() default 0;

        @AttributeDefinition(
                name = "Kind",
                options = {@Option(label = "Relay", value = "relay"), @Option(label = "Light (dimmer)", value = "light")
                })
        String kind() default "relay";

        @AttributeDefinition(name = "Index", description = "Relay or light number on the device")
        int index() default 0;

        @AttributeDefinition(name = "Pulse time", description = "Seconds the pulse channel keeps it on")
        double pulseTime() default 1;
    }

    private final TargetLifecycle lifecycle;

    @Activate
    public ShellyTarget(@Reference TargetServices services, Map<String, Object> properties) {
        lifecycle = TargetLifecycle.start(
                "shelly", properties, services, EnumSet.of(Protocol.HTTP, Protocol.HTTPS), ShellyTarget::plan);
    }

    static TargetPlan plan(TargetProperties p) {
        int generation = p.integer("generation", 0, 0, 3);
        ShellyKind kind = p.choice("kind", ShellyKind.class, ShellyKind.RELAY);
        int index = p.integer("index", 0, 0, 15);
        Duration pulse = p.seconds("pulseTime");
        if (generation == 1) {
            return TargetPlan.of(ShellyGeneration.GEN1.family(index, kind, pulse));
        }
        if (generation >= 2) {
            return TargetPlan.of(ShellyGeneration.GEN2.family(index, kind, pulse));
        }
        return new TargetPlan(
                EnumSet.allOf(SwitchCommand.class), Map.of(), settings -> detect(settings, index, kind, pulse));
    }

    /** Asks the device which API it speaks; a failed answer fails the push that needed it (and is asked again next time). */
    private static CompletableFuture<DeviceFamily> detect(
            DeviceSettings settings, int index, ShellyKind kind, Duration pulse) {
        PushClient client = new PushClient(settings);
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
