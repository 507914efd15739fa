package org.camalarm.target;

import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.camalarm.config.ConfigReader;
import org.camalarm.push.GenericHttp;
import org.camalarm.push.Protocol;
import org.camalarm.push.SwitchCommand;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Any device driven by HTTP, HTTPS or UDP requests (lights, web relays), with one channel per
 * command, {@code command.<name>=<METHOD> <path with query>} as the iVSEC camera's "API Command"
 * (see {@link HttpCommands}): thing {@code camalarm:http:<id>}.
 */
@Component(
        configurationPid = HttpTarget.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = HttpTarget.Config.class, factory = true)
public class HttpTarget {

    static final String TYPE = "http";
    static final String PID = "camalarm.http";

    @ObjectClassDefinition(
            name = "%http.name",
            description = "%http.description",
            localization = ConfigReader.LOCALIZATION)
    public interface Config extends PushTargetConfig {}

    private final TargetLifecycle lifecycle;

    @Activate
    public HttpTarget(@Reference TargetServices services, Map<String, Object> properties) {
        lifecycle = TargetLifecycle.start(
                TYPE,
                properties,
                services,
                Config.class,
                EnumSet.of(Protocol.HTTP, Protocol.HTTPS, Protocol.UDP),
                config -> plan(properties));
    }

    static TargetPlan plan(Map<String, ?> properties) {
        return new TargetPlan(
                EnumSet.noneOf(SwitchCommand.class),
                HttpCommands.read(properties),
                settings -> CompletableFuture.completedFuture(new GenericHttp(Map.of())));
    }

    @Deactivate
    void deactivate() {
        lifecycle.stop();
    }
}
