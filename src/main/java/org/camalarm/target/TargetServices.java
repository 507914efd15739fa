package org.camalarm.target;

import org.camalarm.config.ConfigReader;
import org.camalarm.push.SharedTransport;
import org.camalarm.thing.ThingEvents;
import org.camalarm.thing.ThingRegistry;
import org.camalarm.time.Timers;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** The services every push-target thing needs, in one reference. */
@Component(service = TargetServices.class)
public class TargetServices {

    final ThingRegistry registry;
    final ThingEvents events;
    final Timers timers;
    final PinStore pins;
    final ConfigReader configs;
    /** The threads and plain-HTTP clients every push target's pushes share. */
    final SharedTransport transport = new SharedTransport();

    @Activate
    public TargetServices(
            @Reference ThingRegistry registry,
            @Reference ThingEvents events,
            @Reference Timers timers,
            @Reference PinStore pins,
            @Reference ConfigReader configs) {
        this.registry = registry;
        this.events = events;
        this.timers = timers;
        this.pins = pins;
        this.configs = configs;
    }

    @Deactivate
    void deactivate() {
        transport.close();
    }
}
