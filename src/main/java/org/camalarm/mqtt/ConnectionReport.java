package org.camalarm.mqtt;

import java.time.Duration;
import java.time.Instant;
import org.camalarm.thing.ThingStatusInfo;
import org.camalarm.thing.ThingStatusInfo.Detail;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the bridge's connection is doing, told to users: the broker thing's status and properties,
 * and the log, where a failure is a warning once and then quiet (debug) while it stays the same, so
 * a broker that is away for hours does not flood the log. Used by the bridge thread only.
 */
final class ConnectionReport {

    /** Where the state shows: the broker thing. */
    interface Observer {
        void status(ThingStatusInfo status);

        void property(String name, String value);
    }

    private static final Logger LOGGER = LoggerFactory.getLogger(ConnectionReport.class);

    private final MqttSettings settings;
    private final Observer observer;
    private @Nullable String lastFailure;
    private @Nullable Instant offlineSince;

    ConnectionReport(MqttSettings settings, Observer observer) {
        this.settings = settings;
        this.observer = observer;
    }

    void connecting() {
        observer.status(
                new ThingStatusInfo(ThingStatusInfo.Status.UNKNOWN, Detail.NONE, "connecting to " + settings.broker()));
    }

    void connected(Instant now, int things) {
        Instant since = offlineSince;
        LOGGER.info(
                "MQTT bridge connected to {} as {}{}: {} things under {}/",
                settings.broker(),
                settings.clientId(),
                since == null ? "" : " after " + Duration.between(since, now).toMillis() / 100 / 10.0 + " s offline",
                things,
                settings.baseTopic());
        offlineSince = null;
        lastFailure = null;
        observer.status(ThingStatusInfo.ONLINE);
        observer.property("connectedSince", now.toString());
    }

    /** The connection is down (or never came up) since {@code now}, unless it was down already. */
    void offline(Instant now, boolean lost) {
        if (lost || offlineSince == null) {
            offlineSince = now;
        }
    }

    void failed(String description, Detail detail) {
        if (description.equals(lastFailure)) {
            LOGGER.debug("MQTT bridge: {}", description);
        } else {
            LOGGER.warn("MQTT bridge: {}", description);
            lastFailure = description;
        }
        observer.status(ThingStatusInfo.offline(detail, description));
        observer.property("lastError", description);
    }

    void pending(int messages) {
        observer.property("pending", Integer.toString(messages));
    }
}
