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

/**
 * A Hikvision camera, or one channel of a Hikvision NVR, pushing ISAPI event notifications (its
 * "alarm server" / HTTP listening), {@code camalarm:hikvision:<id>}, one per factory configuration.
 * A thing type of its own rather than a vendor-neutral camera: openHAB users know per-vendor types
 * from the ipcamera binding, the inbox can say what pushed, and the README what to type into that
 * vendor's menus; the channels are the same for every vendor anyway.
 */
@Component(
        configurationPid = HikvisionCamera.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = HikvisionCamera.Config.class, factory = true)
public class HikvisionCamera {

    static final String PID = "camalarm.hikvision";

    @ObjectClassDefinition(
            name = "%hikvision.name",
            description = "%hikvision.description",
            localization = ConfigReader.LOCALIZATION)
    public interface Config extends CameraConfig {}

    private final CameraLifecycle lifecycle;

    @Activate
    public HikvisionCamera(@Reference CameraServices services, Map<String, Object> properties) {
        lifecycle = CameraLifecycle.start(Vendor.HIKVISION, PID, Config.class, properties, services);
    }

    @Deactivate
    void deactivate() {
        lifecycle.stop();
    }
}
