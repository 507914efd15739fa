package org.camalarm.target;

import java.util.EnumSet;
import java.util.Map;
import org.camalarm.push.Protocol;
import org.camalarm.push.TwoNWebRelay;
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

/** A 2N IP web relay (9137410E, 9137411E): GET /state.xml?relay<N>State=…; thing {@code camalarm:2n-relay:<id>}, one per factory configuration. */
@Component(
        configurationPid = "camalarm.2n-relay",
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = TwoNRelayTarget.Config.class, factory = true)
public class TwoNRelayTarget {

    @ObjectClassDefinition(
            name = "2N web relay",
            description = "A 2N IP web relay (9137410E, 9137411E): GET /state.xml?relay<N>State=…")
    public @interface Config {
        @AttributeDefinition(name = "Label", description = "Name shown for this device")
        String label() default "2N web relay";

        @AttributeDefinition(name = "Host", description = "The device's name or IP address")
        String host();

        @AttributeDefinition(name = "Port", description = "0 = the protocol's default (80 for HTTP, 443 for HTTPS)")
        int port() default 0;

        @AttributeDefinition(
                name = "Protocol",
                options = {@Option(label = "HTTP", value = "http")})
        String protocol() default "http";

        @AttributeDefinition(name = "Username", required = false)
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

        @AttributeDefinition(name = "Relay", description = "Relay number on the device")
        int relay() default 1;

        @AttributeDefinition(
                name = "Pulse time",
                description = "Seconds of a pulse; 0 = the device's preset (1.5 s by default)")
        double pulseTime() default 0;
    }

    private final TargetLifecycle lifecycle;

    @Activate
    public TwoNRelayTarget(@Reference TargetServices services, Map<String, Object> properties) {
        lifecycle = start(properties, services);
    }

    static TargetLifecycle start(Map<String, Object> properties, TargetServices services) {
        return TargetLifecycle.start(
                "2n-relay", properties, services, EnumSet.of(Protocol.HTTP), TwoNRelayTarget::plan);
    }

    static TargetPlan plan(TargetProperties p) {
        return TargetPlan.of(new TwoNWebRelay(p.integer("relay", 1, 1, 16), p.seconds("pulseTime")));
    }

    @Deactivate
    void deactivate() {
        lifecycle.stop();
    }
}
