package org.camalarm.mqtt;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import org.camalarm.config.ConfigReader;
import org.camalarm.config.ConfigReading;
import org.camalarm.http.HubEndpoints;
import org.camalarm.thing.ThingEvents;
import org.camalarm.thing.ThingRegistry;
import org.camalarm.thing.ThingStatusInfo;
import org.camalarm.thing.ThingStatusInfo.Detail;
import org.camalarm.userdata.UserdataFiles;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT bridge's configuration ({@code camalarm.mqtt}) and life: off while {@code broker} is
 * empty; otherwise one {@link MqttSession} and the thing {@code camalarm:mqtt:broker} showing its
 * state. A changed configuration applies at once ({@link Modified}): the old session says goodbye
 * and a new one connects. Only this class is loaded when the bridge is off, so a hub without the
 * Paho bundle (the import is optional) runs everything else and is told what to install.
 */
@Component(
        configurationPid = MqttBridge.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        immediate = true,
        service = {})
@Designate(ocd = MqttConfig.class)
public class MqttBridge {

    static final String PID = "camalarm.mqtt";
    private static final String PAHO = "org.eclipse.paho.client.mqttv3";
    private static final Logger LOGGER = LoggerFactory.getLogger(MqttBridge.class);

    private final BundleContext context;
    private final ConfigReader configs;
    private final ThingRegistry registry;
    private final ThingEvents events;
    private final ThingChangeQueue changes;
    private final HubEndpoints hub;
    private final Runnable onEndpoints = this::endpointsChanged;
    /** The configuration in use and the hub address derived for it; guarded by {@code this}. */
    private Map<String, Object> properties = Map.of();

    private @Nullable String derivedHubUrl;

    private @Nullable MqttSession session;
    private @Nullable BrokerThing broker;

    @Activate
    public MqttBridge(
            BundleContext context,
            @Reference ConfigReader configs,
            @Reference ThingRegistry registry,
            @Reference ThingEvents events,
            @Reference ThingChangeQueue changes,
            @Reference HubEndpoints hub,
            Map<String, Object> properties) {
        this.context = context;
        this.configs = configs;
        this.registry = registry;
        this.events = events;
        this.changes = changes;
        this.hub = hub;
        hub.onChange(onEndpoints); // first: an address published while the bridge starts is not missed
        modified(properties);
    }

    /**
     * The hub's address became known or changed (Pax Web publishes it after the bridge may have
     * started): discovery's links follow, unless {@code hubUrl} sets them.
     */
    private synchronized void endpointsChanged() {
        String derived = HubAddress.of(hub.endpoints());
        if (session != null
                && !Objects.equals(derived, derivedHubUrl)
                && configs.read(MqttConfig.class, PID, properties)
                        .values()
                        .hubUrl()
                        .isBlank()) {
            LOGGER.info("MQTT bridge: the hub's address is {} now; publishing again", derived);
            modified(properties);
        }
    }

    @Modified
    synchronized void modified(Map<String, Object> properties) {
        stop();
        this.properties = properties;
        derivedHubUrl = HubAddress.of(hub.endpoints());
        ConfigReading<MqttConfig> reading = configs.read(MqttConfig.class, PID, properties);
        MqttConfig config = reading.values();
        if (config.broker().isBlank()) {
            reading.problems().forEach(problem -> LOGGER.warn("{}: {}", PID, problem));
            LOGGER.debug("MQTT bridge off: no broker in {}", PID);
            return;
        }
        BrokerThing thing = new BrokerThing(reading.shown(), events);
        if (!registry.add(thing, PID)) {
            return; // logged by the registry: a thing already has the id
        }
        broker = thing;
        MqttSettings settings;
        try {
            if (!reading.ok()) {
                throw new IllegalArgumentException(reading.summary());
            }
            settings = MqttSettings.of(config, clientId(), derivedHubUrl, version());
        } catch (IllegalArgumentException e) {
            refuse("configuration " + PID + ": " + e.getMessage());
            return;
        }
        thing.property("broker", settings.broker());
        thing.property("clientId", settings.clientId());
        try {
            MqttSession started = new MqttSession(
                    settings,
                    changes,
                    registry,
                    thing,
                    UserdataFiles.resolve(context, RetainedTopics.FILE_NAME),
                    MqttSession.SWEEP_GRACE);
            started.start();
            session = started;
        } catch (LinkageError e) {
            refuse("the MQTT client is missing: install the bundle " + PAHO + " 1.2.5"
                    + " (mvn:org.eclipse.paho/org.eclipse.paho.client.mqttv3/1.2.5) and refresh camalarm");
        }
    }

    /** The bridge cannot start: the broker thing and the log say why. */
    private void refuse(String why) {
        LOGGER.warn("MQTT bridge not started: {}", why);
        BrokerThing thing = broker;
        if (thing != null) {
            thing.status(ThingStatusInfo.offline(Detail.CONFIGURATION_ERROR, why));
        }
    }

    /** The hub's stable client id; a fresh one (this run only) when userdata cannot be written. */
    private String clientId() {
        try {
            return ClientIds.stable(UserdataFiles.resolve(context, ClientIds.FILE_NAME));
        } catch (IOException e) {
            LOGGER.warn("MQTT bridge cannot keep its client id in userdata ({}); set clientId in {}", e, PID);
            return ClientIds.fresh();
        }
    }

    private String version() {
        return context.getBundle().getVersion().toString();
    }

    @Deactivate
    synchronized void deactivate() {
        hub.removeOnChange(onEndpoints);
        stop();
    }

    private void stop() {
        MqttSession running = session;
        session = null;
        if (running != null) {
            running.stop();
        }
        BrokerThing thing = broker;
        broker = null;
        if (thing != null) {
            registry.unregister(thing);
        }
    }
}
