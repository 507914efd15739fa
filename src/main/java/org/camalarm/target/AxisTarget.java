package org.camalarm.target;

import java.util.EnumSet;
import java.util.Map;
import org.camalarm.config.ConfigReader;
import org.camalarm.push.AxisIo;
import org.camalarm.push.Protocol;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** An output port of an Axis device through VAPIX {@code /axis-cgi/io/port.cgi}: thing {@code camalarm:axis:<id>}. */
@Component(
        configurationPid = AxisTarget.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = AxisTarget.Config.class, factory = true)
public class AxisTarget {

    static final String TYPE = "axis";
    static final String PID = "camalarm.axis";

    @ObjectClassDefinition(
            name = "%axis.name",
            description = "%axis.description",
            localization = ConfigReader.LOCALIZATION)
    public interface Config extends PushTargetConfig {
        @AttributeDefinition(name = "%axis.ioPort.name", description = "%axis.ioPort.description", defaultValue = "1")
        int ioPort();

        @AttributeDefinition(name = "%pulseTime.name", description = "%axis.pulseTime.description", defaultValue = "1")
        double pulseTime();
    }

    private final TargetLifecycle lifecycle;

    @Activate
    public AxisTarget(@Reference TargetServices services, Map<String, Object> properties) {
        lifecycle = TargetLifecycle.start(KIND, properties, services);
    }

    static final TargetKind<Config> KIND = new TargetKind<>(
            TYPE,
            Config.class,
            EnumSet.of(Protocol.HTTP, Protocol.HTTPS),
            (config, properties, transport) -> plan(config));

    static TargetPlan plan(Config config) {
        return TargetPlan.of(
                new AxisIo(TargetPlan.checked("ioPort", config.ioPort(), 1, 64), TargetPlan.pulse(config.pulseTime())));
    }

    @Deactivate
    void deactivate() {
        lifecycle.stop();
    }
}
