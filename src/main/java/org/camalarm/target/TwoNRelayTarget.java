package org.camalarm.target;

import java.util.EnumSet;
import java.util.Map;
import org.camalarm.config.ConfigReader;
import org.camalarm.push.Protocol;
import org.camalarm.push.TwoNWebRelay;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** A 2N IP web relay (9137410E, 9137411E), {@code GET /state.xml?relay<N>State=…}: thing {@code camalarm:2n-relay:<id>}. */
@Component(
        configurationPid = TwoNRelayTarget.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = TwoNRelayTarget.Config.class, factory = true)
public class TwoNRelayTarget {

    static final String TYPE = "2n-relay";
    static final String PID = "camalarm.2n-relay";

    @ObjectClassDefinition(
            name = "%2n-relay.name",
            description = "%2n-relay.description",
            localization = ConfigReader.LOCALIZATION)
    public interface Config extends PushTargetConfig {
        @AttributeDefinition(
                name = "%2n-relay.relay.name",
                description = "%2n-relay.relay.description",
                defaultValue = "1")
        int relay();

        @AttributeDefinition(
                name = "%pulseTime.name",
                description = "%2n-relay.pulseTime.description",
                defaultValue = "0")
        double pulseTime();
    }

    private final TargetLifecycle lifecycle;

    @Activate
    public TwoNRelayTarget(@Reference TargetServices services, Map<String, Object> properties) {
        lifecycle = start(properties, services);
    }

    static TargetLifecycle start(Map<String, Object> properties, TargetServices services) {
        return TargetLifecycle.start(KIND, properties, services);
    }

    static final TargetKind<Config> KIND = new TargetKind<>(
            TYPE, Config.class, EnumSet.of(Protocol.HTTP), (config, properties, transport) -> plan(config));

    static TargetPlan plan(Config config) {
        return TargetPlan.of(new TwoNWebRelay(
                TargetPlan.checked("relay", config.relay(), 1, 16), TargetPlan.pulse(config.pulseTime())));
    }

    @Deactivate
    void deactivate() {
        lifecycle.stop();
    }
}
