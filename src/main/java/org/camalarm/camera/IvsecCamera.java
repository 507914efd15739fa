package org.camalarm.camera;

import java.util.Map;
import org.camalarm.alarm.Alarm.Vendor;
import org.camalarm.thing.ThingEvents;
import org.camalarm.thing.ThingRegistry;
import org.camalarm.time.Timers;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** An iVSEC (TVT) camera or NVR thing, {@code camalarm:ivsec:<id>}, one per factory configuration. */
@Component(
        configurationPid = "camalarm.ivsec",
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = IvsecCamera.Config.class, factory = true)
public class IvsecCamera {

    @ObjectClassDefinition(
            name = "iVSEC camera",
            description = "An iVSEC (TVT) camera or NVR whose Event Push Platform"
                    + " pushes to the alarm server. Its start/stop events switch detections; pushes without a stop stay"
                    + " ON for the hold time.")
    public @interface Config {
        @AttributeDefinition(name = "Label", description = "Name shown for this camera")
        String label() default "iVSEC camera";

        @AttributeDefinition(
                name = "MAC address",
                required = false,
                description = "Routes pushes that"
                        + " name no thing in their URL to this camera; any notation (5C-F2-07-49-0F-24, D094662C1A8D)")
        String mac() default "";

        @AttributeDefinition(name = "Hold time", description = "Seconds a detection stays ON after its last repeat")
        double holdTime() default 10;

        @AttributeDefinition(
                name = "Maximum alarm duration",
                description =
                        "Seconds after which an alarm" + " is forced OFF even if repeats or the stop never end it")
        double maxAlarmDuration() default 300;

        @AttributeDefinition(
                name = "Allowed addresses",
                required = false,
                description = "IPs or CIDR blocks" + " allowed to push as this camera; empty allows all")
        String[] allowedAddresses() default {};
    }

    private final CameraLifecycle lifecycle;

    @Activate
    public IvsecCamera(
            @Reference ThingRegistry registry,
            @Reference ThingEvents events,
            @Reference Timers timers,
            Config config,
            Map<String, Object> properties) {
        lifecycle = CameraLifecycle.start(
                Vendor.IVSEC,
                properties,
                registry,
                events,
                timers,
                () -> CameraSettings.of(
                        config.mac(), config.holdTime(), config.maxAlarmDuration(), config.allowedAddresses()));
    }

    @Deactivate
    void deactivate() {
        lifecycle.stop();
    }
}
