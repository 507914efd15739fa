package org.camalarm.camera;

import java.util.List;
import org.camalarm.alarm.Alarm;
import org.camalarm.thing.ThingUID;

/**
 * Keeps what cameras sent: the {@link AlarmRouter} tells it every alarm it accepted, and the camera
 * is answered only after {@link #record} returned. The event history implements it; without one,
 * alarms are applied and answered as before.
 */
public interface AlarmJournal {

    /**
     * Records an accepted alarm, durably; returns once it is stored.
     *
     * @param thing      the camera's thing UID, or the inbox UID of an unknown camera
     * @param detections what each event of the alarm did on the camera, in order (none for a keepalive)
     * @throws NotRecordedException when it could not be stored: the camera must not be told it was
     */
    void record(ThingUID thing, Alarm alarm, List<Detection> detections, String remoteAddress);

    /** The alarm could not be stored (disk full, the history stopping): the camera gets a 503 and may retry. */
    final class NotRecordedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public NotRecordedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
