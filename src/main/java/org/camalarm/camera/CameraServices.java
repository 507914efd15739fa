package org.camalarm.camera;

import org.camalarm.config.ConfigReader;
import org.camalarm.thing.ThingEvents;
import org.camalarm.thing.ThingRegistry;
import org.camalarm.time.Timers;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The services every camera thing needs, in one reference. */
@Component(service = CameraServices.class)
public class CameraServices {

    final ThingRegistry registry;
    final ThingEvents events;
    final Timers timers;
    final ConfigReader configs;
    private volatile @Nullable CameraMemories memories;

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

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindMemories(CameraMemories appeared) {
        memories = appeared;
        registry.all(CameraHandler.class).forEach(appeared::recall); // the cameras that started before it
    }

    void unbindMemories(CameraMemories gone) {
        if (memories == gone) {
            memories = null;
        }
    }

    /** A camera thing started: it gets back what is remembered of it, if anything is. */
    void started(CameraHandler camera) {
        CameraMemories current = memories;
        if (current != null) {
            current.recall(camera);
        }
    }
}
