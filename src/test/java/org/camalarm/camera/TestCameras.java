package org.camalarm.camera;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camalarm.thing.ChannelDefinition;
import org.camalarm.thing.Thing;
import org.camalarm.thing.ThingEvents;
import org.camalarm.thing.ThingUID;
import org.camalarm.time.Timers;

/** Camera things as the camera components make them, for tests of other packages (hold time 10 s). */
public final class TestCameras {

    private TestCameras() {}

    public static CameraHandler vigi(String id, String label, ThingEvents events, Timers timers) {
        List<ChannelDefinition> channels = new ArrayList<>(CameraChannels.DETECTIONS);
        channels.addAll(CameraChannels.STATUS);
        Thing thing = new Thing(new ThingUID("vigi", id), label, Map.of(), true, channels, events);
        return new CameraHandler(thing, CameraSettings.of("", 10, 300, new String[0]), timers);
    }
}
