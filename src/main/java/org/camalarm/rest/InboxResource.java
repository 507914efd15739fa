package org.camalarm.rest;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.camalarm.http.HttpAnswers;
import org.camalarm.http.Routes;
import org.camalarm.inbox.Inbox;
import org.camalarm.text.StrictJson;
import org.camalarm.thing.ThingHandler;
import org.camalarm.thing.ThingRegistry;
import org.camalarm.thing.ThingUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox over REST:
 *
 * <pre>
 * GET    inbox                         cameras that pushed but match no thing
 * POST   inbox/{thingUID}/approve      the camera becomes a thing; optional body {"label","thingId"}: 200 {"thingUID"}
 * DELETE inbox/{thingUID}              its further alarms are not listed (until a restart): 204
 * </pre>
 */
final class InboxResource {

    private static final Set<String> APPROVE_KEYS = Set.of("label", "thingId");
    private static final Logger LOGGER = LoggerFactory.getLogger(InboxResource.class);

    private final Inbox inbox;
    private final ThingRegistry registry;

    InboxResource(Inbox inbox, ThingRegistry registry) {
        this.inbox = inbox;
        this.registry = registry;
    }

    void addTo(Routes routes) {
        routes.on("GET", "inbox", (path, request, response) -> list(response))
                .on("DELETE", "inbox/*", (path, request, response) -> ignore(path[1], response))
                .on("POST", "inbox/*/approve", (path, request, response) -> approve(path[1], request, response));
    }

    private void list(HttpServletResponse response) throws IOException {
        JsonArray entries = new JsonArray();
        inbox.entries().forEach(e -> entries.add(ThingJson.inboxEntry(e)));
        HttpAnswers.json(response, 200, ThingJson.toJson(entries));
    }

    private void ignore(String uid, HttpServletResponse response) throws IOException {
        ThingUID camera = ThingUID.parse(uid);
        if (inbox.ignore(camera)) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            HttpAnswers.notFound(response, notInInbox(camera));
        }
    }

    private void approve(String uid, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String label = null;
        String thingId = null;
        String body = ConfigBodies.body(request, ConfigBodies.MAX_BODY);
        if (!body.isBlank()) {
            JsonElement json = StrictJson.parse(body);
            if (!json.isJsonObject()) {
                throw new IllegalArgumentException(
                        "the body must be a JSON object such as {\"label\":\"Shed\",\"thingId\":\"shed\"}");
            }
            for (String key : json.getAsJsonObject().keySet()) {
                if (!APPROVE_KEYS.contains(key)) { // a key said in vain would be a choice silently lost
                    throw new IllegalArgumentException("unknown key " + key + "; known: label, thingId");
                }
            }
            label = ConfigBodies.text(json.getAsJsonObject(), "label");
            thingId = ConfigBodies.text(json.getAsJsonObject(), "thingId");
        }
        ThingUID entry = ThingUID.parse(uid);
        String id = thingId == null || thingId.isBlank() ? entry.thingId() : thingId.strip();
        Optional<ThingHandler> existing = registry.byId(id);
        if (existing.isPresent()) {
            HttpAnswers.error(
                    response,
                    HttpServletResponse.SC_CONFLICT,
                    "thing_exists",
                    "thing id " + id + " is already used by "
                            + existing.get().thing().uid());
            return;
        }
        Optional<ThingUID> approved;
        try {
            approved = inbox.approve(entry, label, thingId);
        } catch (IllegalStateException e) { // a configuration of that id, its thing not registered yet
            HttpAnswers.error(
                    response, HttpServletResponse.SC_CONFLICT, "thing_exists", String.valueOf(e.getMessage()));
            return;
        }
        if (approved.isEmpty()) {
            HttpAnswers.notFound(response, notInInbox(entry));
            return;
        }
        LOGGER.debug("Inbox entry {} approved over REST as {}", uid, approved.get());
        JsonObject json = new JsonObject();
        json.addProperty("thingUID", approved.get().toString());
        HttpAnswers.json(response, 200, json.toString());
    }

    private static String notInInbox(ThingUID camera) {
        return "no camera " + camera + " in the inbox (approved, removed, or it has not pushed since the hub started)";
    }
}
