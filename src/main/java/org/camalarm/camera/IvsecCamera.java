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

/** A iVSEC (TVT) camera or NVR thing, {@code camalarm:ivsec:<id>}, one per factory configuration. */
@Component(
        configurationPid = IvsecCamera.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = IvsecCamera.Config.class, factory = true)
public class IvsecCamera {

    static final String PID = "camalarm.ivsec";

    @ObjectClassDefinition(
            name = "%ivsec.name",
            description = "%ivsec.description",
            localization = ConfigReader.LOCALIZATION)
    public interface Config extends CameraConfig {}

    private final CameraLifecycle lifecycle;

    @Activate
    public IvsecCamera(@Reference CameraServices services, Map<String, Object> properties) {
        lifecycle = CameraLifecycle.start(Vendor.IVSEC, PID, Config.class, properties, services);
    }

    @Deactivate
    void deactivate() {
        lifecycle.stop();
    }
}
