package org.camalarm.camera;

import org.camalarm.config.ConfigReader;
import org.camalarm.thing.ThingEvents;
import org.camalarm.thing.ThingRegistry;
import org.camalarm.time.Timers;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The services every camera thing needs, in one reference. */
@Component(service = CameraServices.class)
public class CameraServices {

    final ThingRegistry registry;
    final ThingEvents events;
    final Timers timers;
    final ConfigReader configs;

    @Activate
    public CameraServices(
            @Reference ThingRegistry registry,
            @Reference ThingEvents events,
            @Reference Timers timers,
            @Reference ConfigReader configs) {
        this.registry = registry;
        this.events = events;
        this.timers = timers;
        this.configs = configs;
    }
}
