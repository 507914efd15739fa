package org.camalarm.target;

import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.camalarm.push.GenericHttp;
import org.camalarm.push.Protocol;
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

/** Any device driven by HTTP, HTTPS or UDP requests: lights, web relays. Each command is a property command.<name>=<METHOD> <path with query> (e.g. command.post1=POST relay/0?turn=on), with optional command.<name>.body and command.<name>.contentType; each becomes a channel <name>; thing {@code camalarm:http:<id>}, one per factory configuration. */
@Component(
        configurationPid = "camalarm.http",
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = HttpTarget.Config.class, factory = true)
public class HttpTarget {

    @ObjectClassDefinition(
            name = "Generic HTTP/UDP device",
            description =
                    "Any device driven by HTTP, HTTPS or UDP requests: lights, web relays. Each command is a property command.<name>=<METHOD> <path with query> (e.g. command.post1=POST relay/0?turn=on), with optional command.<name>.body and command.<name>.contentType; each becomes a channel <name>")
    public @interface Config {
        @AttributeDefinition(name = "Label", description = "Name shown for this device")
        String label() default "HTTP device";

        @AttributeDefinition(name = "Host", description = "The device's name or IP address")
        String host();

        @AttributeDefinition(name = "Port", description = "0 = the protocol's default (80 for HTTP, 443 for HTTPS)")
        int port() default 0;

        @AttributeDefinition(
                name = "Protocol",
                options = {
                    @Option(label = "HTTP", value = "http"),
                    @Option(label = "HTTPS", value = "https"),
                    @Option(label = "UDP", value = "udp")
                })
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
    }

    private final TargetLifecycle lifecycle;

    @Activate
    public HttpTarget(@Reference TargetServices services, Map<String, Object> properties) {
        lifecycle = TargetLifecycle.start(
                "http",
                properties,
                services,
                EnumSet.of(Protocol.HTTP, Protocol.HTTPS, Protocol.UDP),
                HttpTarget::plan);
    }

    static TargetPlan plan(TargetProperties p) {
        return new TargetPlan(
                EnumSet.noneOf(SwitchCommand.class),
                HttpCommands.read(p),
                settings -> CompletableFuture.completedFuture(new GenericHttp(Map.of())));
    }

    @Deactivate
    void deactivate() {
        lifecycle.stop();
    }
}
