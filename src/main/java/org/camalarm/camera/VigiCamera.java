package org.camalarm.camera;

import java.util.Map;
import org.camalarm.alarm.Alarm.Vendor;
import org.camalarm.config.ConfigReader;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** A TP-Link VIGI camera or NVR thing, {@code camalarm:vigi:<id>}, one per factory configuration. */
@Component(
        configurationPid = VigiCamera.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = VigiCamera.Config.class, factory = true)
public class VigiCamera {

    static final String PID = "camalarm.vigi";

    @ObjectClassDefinition(
            name = "%vigi.name",
            description = "%vigi.description",
            localization = ConfigReader.LOCALIZATION)
    public interface Config extends CameraConfig {}

    private final CameraLifecycle lifecycle;

    @Activate
    public VigiCamera(@Reference CameraServices services, Map<String, Object> properties) {
        lifecycle = CameraLifecycle.start(Vendor.VIGI, PID, Config.class, properties, services);
    }

    @Deactivate
    void deactivate() {
        lifecycle.stop();
    }
}
