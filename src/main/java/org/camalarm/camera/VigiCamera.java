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

/** A TP-Link VIGI camera or NVR thing, {@code camalarm:vigi:<id>}, one per factory configuration. */
@Component(
        configurationPid = "camalarm.vigi",
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = VigiCamera.Config.class, factory = true)
public class VigiCamera {

    @ObjectClassDefinition(
            name = "TP-Link VIGI camera",
            description = "A VIGI camera or NVR that pushes to"
                    + " the alarm server (Settings > Event > Alarm Server). VIGI sends no stop event: a detection stays"
                    + " ON for the hold time after its last repeat.")
    public @interface Config {
        @AttributeDefinition(name = "Label", description = "Name shown for this camera")
        String label() default "VIGI camera";

        @AttributeDefinition(
                name = "MAC address",
                required = false,
                description = "Routes pushes that"
                        + " name no thing in their URL to this camera; any notation (98-ba-5f-8b-10-03, 98BA5F8B1003)")
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
    public VigiCamera(
            @Reference ThingRegistry registry,
            @Reference ThingEvents events,
            @Reference Timers timers,
            Config config,
            Map<String, Object> properties) {
        lifecycle = CameraLifecycle.start(
                Vendor.VIGI,
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
