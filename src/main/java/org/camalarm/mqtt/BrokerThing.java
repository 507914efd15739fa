package org.camalarm.mqtt;

import java.util.List;
import java.util.Map;
import org.camalarm.thing.Thing;
import org.camalarm.thing.ThingEvents;
import org.camalarm.thing.ThingHandler;
import org.camalarm.thing.ThingStatusInfo;
import org.camalarm.thing.ThingUID;

/**
 * The bridge as users see it beside cameras and relays, the way openHAB shows an MQTT broker
 * thing: {@code camalarm:mqtt:broker}, ONLINE while connected, OFFLINE with the reason otherwise
 * (COMMUNICATION_ERROR: unreachable or lost, retried with backoff; CONFIGURATION_ERROR: refused
 * credentials or certificate, a bad configuration, the MQTT client missing). Properties say where
 * it connects and how it went. It has no channels, and is never published itself.
 */
final class BrokerThing implements ThingHandler, ConnectionReport.Observer {

    static final ThingUID UID = new ThingUID("mqtt", "broker");

    private final Thing thing;

    /** @param configuration the configuration as users may see it (the password masked) */
    BrokerThing(Map<String, Object> configuration, ThingEvents events) {
        this.thing = new Thing(UID, "MQTT broker", configuration, false, List.of(), events).untilRegistered();
    }

    @Override
    public Thing thing() {
        return thing;
    }

    @Override
    public void status(ThingStatusInfo status) {
        thing.setStatus(status);
    }

    @Override
    public void property(String name, String value) {
        thing.setProperty(name, value);
    }
}
