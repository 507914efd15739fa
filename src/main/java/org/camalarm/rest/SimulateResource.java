package org.camalarm.rest;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.camalarm.alarm.Alarm;
import org.camalarm.alarm.AlarmEvent;
import org.camalarm.alarm.EventTypes;
import org.camalarm.camera.AlarmJournal;
import org.camalarm.camera.AlarmRouter;
import org.camalarm.camera.CameraHandler;
import org.camalarm.http.HttpAnswers;
import org.camalarm.thing.ThingHandler;

/**
 * {@code POST things/{uid}/simulate} with {@code {"type":"PERSON"}}: an alarm made up for a camera,
 * applied and recorded through {@link AlarmRouter#simulate} as a real push is, so channels, rules
 * and the history react as they would. A simulated detection is a single report (ON for the camera's
 * {@code holdTime}); its data says {@code "simulated":true}.
 */
final class SimulateResource {

    private static final Pattern TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private SimulateResource() {}

    static void simulate(
            AlarmRouter router,
            Optional<ThingHandler> handler,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        if (handler.isEmpty()) {
            HttpAnswers.notFound(response);
            return;
        }
        if (!(handler.get() instanceof CameraHandler camera)) {
            HttpAnswers.error(
                    response, 400, "not_a_camera", handler.get().thing().uid() + " is not a camera");
            return;
        }
        if (!camera.isConfigured()) {
            HttpAnswers.error(
                    response, 409, "camera_misconfigured", camera.thing().uid() + " has an invalid configuration");
            return;
        }
        String typeText = ConfigBodies.text(ConfigBodies.object(request), "type");
        String rawType = typeText == null ? "" : typeText.strip();
        if (!TYPE.matcher(rawType).matches()) {
            throw new IllegalArgumentException("give the event type as {\"type\":\"PERSON\"} (letters, digits, _)");
        }
        String type = EventTypes.canonical(rawType);
        JsonObject data = new JsonObject();
        data.addProperty("type", rawType);
        data.addProperty("simulated", true);
        Alarm.Vendor vendor = "ivsec".equals(camera.thing().uid().thingType()) ? Alarm.Vendor.IVSEC : Alarm.Vendor.VIGI;
        AlarmEvent event =
                new AlarmEvent(rawType, type, AlarmEvent.Action.PULSE, LocalDateTime.now(), null, data.toString());
        boolean recorded = true;
        try {
            router.simulate(camera, new Alarm(vendor, Alarm.Format.FIXED_PATH, null, null, null, List.of(event), null));
        } catch (AlarmJournal.NotRecordedException e) { // applied all the same: channels and rules saw it
            recorded = false;
        }
        JsonObject json = new JsonObject();
        json.addProperty("thingUID", camera.thing().uid().toString());
        json.addProperty("type", type);
        json.addProperty("recorded", recorded);
        HttpAnswers.json(response, 200, json.toString());
    }
}
