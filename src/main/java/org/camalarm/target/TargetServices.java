package org.camalarm.target;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camalarm.config.ConfigReader;
import org.camalarm.push.PushResult;
import org.camalarm.thing.ThingEvents;
import org.camalarm.thing.ThingRegistry;
import org.camalarm.thing.ThingUID;
import org.camalarm.time.Timers;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The services every push-target thing needs, in one reference; and the {@link PushListener}s, told every push. */
@Component(service = TargetServices.class)
public class TargetServices implements PushListener {

    private static final Logger LOGGER = LoggerFactory.getLogger(TargetServices.class);

    final ThingRegistry registry;
    final ThingEvents events;
    final Timers timers;
    final PinStore pins;
    final ConfigReader configs;
    private final List<PushListener> listeners = new CopyOnWriteArrayList<>();

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

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(PushListener listener) {
        listeners.add(listener);
    }

    void removeListener(PushListener listener) {
        listeners.remove(listener);
    }

    /** Tells every listener; one that fails does not stop the others or the push. */
    @Override
    public void pushed(ThingUID target, String channelId, String command, boolean test, PushResult result) {
        for (PushListener listener : listeners) {
            try {
                listener.pushed(target, channelId, command, test, result);
            } catch (RuntimeException e) {
                LOGGER.warn("A push listener failed on {} {}: {}", target, command, e.toString());
            }
        }
    }
}
