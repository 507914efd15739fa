package org.camalarm.target;

import java.util.EnumSet;
import java.util.Map;
import org.camalarm.push.AxisIo;
import org.camalarm.push.Protocol;
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

/** An output port of an Axis device through VAPIX /axis-cgi/io/port.cgi; thing {@code camalarm:axis:<id>}, one per factory configuration. */
@Component(
        configurationPid = "camalarm.axis",
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = AxisTarget.Config.class, factory = true)
public class AxisTarget {

    @ObjectClassDefinition(
            name = "Axis I/O port",
            description = "An output port of an Axis device through VAPIX /axis-cgi/io/port.cgi")
    public @interface Config {
        @AttributeDefinition(name = "Label", description = "Name shown for this device")
        String label() default "Axis I/O";

        @AttributeDefinition(name = "Host", description = "The device's name or IP address")
        String host();

        @AttributeDefinition(name = "Port", description = "0 = the protocol's default (80 for HTTP, 443 for HTTPS)")
        int port() default 0;

        @AttributeDefinition(
                name = "Protocol",
                options = {@Option(label = "HTTP", value = "http"), @Option(label = "HTTPS", value = "https")})
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

        @AttributeDefinition(name = "I/O port", description = "Output port number")
        int ioPort() default 1;

        @AttributeDefinition(name = "Pulse time", description = "Seconds of a pulse")
        double pulseTime() default 1;
    }

    private final TargetLifecycle lifecycle;

    @Activate
    public AxisTarget(@Reference TargetServices services, Map<String, Object> properties) {
        lifecycle = TargetLifecycle.start(
                "axis", properties, services, EnumSet.of(Protocol.HTTP, Protocol.HTTPS), AxisTarget::plan);
    }

    static TargetPlan plan(TargetProperties p) {
        return TargetPlan.of(new AxisIo(p.integer("ioPort", 1, 1, 64), p.seconds("pulseTime")));
    }

    @Deactivate
    void deactivate() {
        lifecycle.stop();
    }
}
