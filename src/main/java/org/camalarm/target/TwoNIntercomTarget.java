package org.camalarm.target;

import java.util.EnumSet;
import java.util.Map;
import org.camalarm.config.ConfigReader;
import org.camalarm.push.Protocol;
import org.camalarm.push.TwoNIntercom;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** A switch of a 2N IP intercom (IP Verso, …) through its HTTP API {@code /api/switch/ctrl}: thing {@code camalarm:2n-intercom:<id>}. */
@Component(
        configurationPid = TwoNIntercomTarget.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = TwoNIntercomTarget.Config.class, factory = true)
public class TwoNIntercomTarget {

    static final String TYPE = "2n-intercom";
    static final String PID = "camalarm.2n-intercom";

    @ObjectClassDefinition(
            name = "%2n-intercom.name",
            description = "%2n-intercom.description",
            localization = ConfigReader.LOCALIZATION)
    public interface Config extends PushTargetConfig {
        @AttributeDefinition(
                name = "%2n-intercom.switch.name",
                description = "%2n-intercom.switch.description",
                defaultValue = "1")
        int switch$();
    }

    private final TargetLifecycle lifecycle;

    @Activate
    public TwoNIntercomTarget(@Reference TargetServices services, Map<String, Object> properties) {
        lifecycle = start(properties, services);
    }

    static TargetLifecycle start(Map<String, Object> properties, TargetServices services) {
        return TargetLifecycle.start(KIND, properties, services);
    }

    static final TargetKind<Config> KIND = new TargetKind<>(
            TYPE,
            Config.class,
            EnumSet.of(Protocol.HTTP, Protocol.HTTPS),
            (config, properties, transport) -> plan(config));

    static TargetPlan plan(Config config) {
        return TargetPlan.of(new TwoNIntercom(TargetPlan.checked("switch", config.switch$(), 1, 4)));
    }

    @Deactivate
    void deactivate() {
        lifecycle.stop();
    }
}
