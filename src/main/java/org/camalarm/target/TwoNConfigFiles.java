package org.camalarm.target;

import java.util.HashMap;
import java.util.Map;
import org.camalarm.config.ConfigSource;
import org.camalarm.thing.ThingConfigurations;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes {@code conf/camalarm.2n-relay-<id>.cfg} and {@code conf/camalarm.2n-intercom-<id>.cfg} work:
 * FileInstall splits a file name at its first {@code -}, so it reads them as factory PID
 * {@code camalarm.2n} named {@code relay-<id>} or {@code intercom-<id>}. This component takes that
 * PID and starts the thing the file means. Tools that use the real factory PIDs
 * ({@code camalarm.2n-relay}, {@code camalarm.2n-intercom}) reach {@link TwoNRelayTarget} and
 * {@link TwoNIntercomTarget} directly.
 */
@Component(
        configurationPid = "camalarm.2n",
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
public class TwoNConfigFiles {

    private static final Logger LOGGER = LoggerFactory.getLogger(TwoNConfigFiles.class);
    private final @Nullable TargetLifecycle lifecycle;

    @Activate
    public TwoNConfigFiles(@Reference TargetServices services, Map<String, Object> properties) {
        String pid = String.valueOf(properties.get("service.pid"));
        String name = pid.substring(pid.indexOf('~') + 1);
        Map<String, Object> named = new HashMap<>(properties);
        if (name.startsWith("relay-")) {
            named.putIfAbsent(ThingConfigurations.THING_ID, name.substring("relay-".length()));
            lifecycle = TwoNRelayTarget.start(named, services);
        } else if (name.startsWith("intercom-")) {
            named.putIfAbsent(ThingConfigurations.THING_ID, name.substring("intercom-".length()));
            lifecycle = TwoNIntercomTarget.start(named, services);
        } else {
            LOGGER.warn(
                    "{}: ignored: name 2N files camalarm.2n-relay-<id>.cfg or camalarm.2n-intercom-<id>.cfg",
                    ConfigSource.of(properties));
            lifecycle = null;
        }
    }

    @Deactivate
    void deactivate() {
        TargetLifecycle started = lifecycle;
        if (started != null) {
            started.stop();
        }
    }
}
