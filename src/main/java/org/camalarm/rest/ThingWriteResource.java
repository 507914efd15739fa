package org.camalarm.rest;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.camalarm.camera.CameraConfigCheck;
import org.camalarm.config.ConfigDescription;
import org.camalarm.config.ConfigProblem;
import org.camalarm.config.ConfigReader;
import org.camalarm.http.HttpAnswers;
import org.camalarm.target.TargetConfigCheck;
import org.camalarm.thing.Thing;
import org.camalarm.thing.ThingConfigurations;
import org.camalarm.thing.ThingHandler;
import org.camalarm.thing.ThingRegistry;
import org.camalarm.thing.ThingUID;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.cm.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creating, changing and deleting things over REST, through Configuration Admin (kept in its own
 * store, never in {@code conf/}). Bodies in openHAB's shape:
 * {@code {"UID":"camalarm:vigi:frontdoor","thingTypeUID":"camalarm:vigi","label":"Front door",
 * "configuration":{"holdTime":10}}}. Checked against the type's Metatype first (400 naming every
 * problem); things from {@code conf/} files are refused with 409 and the file's name.
 */
final class ThingWriteResource {

    private static final Logger LOGGER = LoggerFactory.getLogger(ThingWriteResource.class);

    private final ConfigStore store;
    private final ConfigReader configs;
    private final ThingRegistry registry;
    private final ThingTypes types;

    ThingWriteResource(ConfigStore store, ConfigReader configs, ThingRegistry registry, ThingTypes types) {
        this.store = store;
        this.configs = configs;
        this.registry = registry;
        this.types = types;
    }

    /**
     * {@code POST things}: 201 {"UID"}; 409 when the id is taken, 400 when a value is wrong. Either
     * answer lists every problem, the taken id first ({@code thingId}), so a form shows them all at once.
     */
    void create(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonObject body = ConfigBodies.object(request);
        ThingUID uid = uid(body);
        ConfigDescription description = description(uid.thingType());
        Map<String, Object> values = values(body);
        List<ConfigProblem> problems = problems(description, uid.thingType(), values);
        String holder = holder(uid);
        if (holder != null) {
            problems.add(0, new ConfigProblem(ThingConfigurations.THING_ID, uid.thingId(), "is already used" + holder));
            ConfigBodies.problems(response, 409, "thing_exists", problems);
            return;
        }
        if (!problems.isEmpty()) {
            ConfigBodies.problems(response, problems);
            return;
        }
        Dictionary<String, Object> typed = ConfigBodies.typed(description, values);
        typed.put(ThingConfigurations.THING_ID, uid.thingId()); // its name is not the id (ConfigStore.create)
        if (!store.create(uid.thingType(), uid.thingId(), typed)) { // created meanwhile
            ConfigBodies.problems(
                    response,
                    409,
                    "thing_exists",
                    List.of(new ConfigProblem(ThingConfigurations.THING_ID, uid.thingId(), "is already used")));
            return;
        }
        LOGGER.info("Thing {} created over REST", uid);
        answer(response, 201, uid);
    }

    /**
     * Who has {@code uid}'s id: {@code " by <label> (<UID>)"} for a running thing (ids are unique
     * across types), {@code ""} for a configuration not running, {@code null} when the id is free.
     */
    private @Nullable String holder(ThingUID uid) throws IOException {
        Optional<ThingHandler> holder = registry.byId(uid.thingId());
        if (holder.isPresent()) {
            Thing thing = holder.get().thing();
            return " by " + thing.label() + " (" + thing.uid() + ")";
        }
        return store.find(uid.thingType(), uid.thingId()).isPresent() ? "" : null;
    }

    /** {@code PUT things/{uid}}: the whole configuration is replaced; masked secrets are kept. */
    void update(String uidText, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ThingUID uid = ThingUID.parse(uidText);
        Optional<Configuration> found = editable(uid, response);
        if (found.isEmpty()) {
            return;
        }
        JsonObject body = ConfigBodies.object(request);
        String bodyUid = ConfigBodies.text(body, "UID");
        if (bodyUid != null && !uid.toString().equals(bodyUid)) {
            throw new IllegalArgumentException("UID " + bodyUid + " differs from the path's " + uid);
        }
        ConfigDescription description = description(uid.thingType());
        Map<String, Object> values = values(body);
        Dictionary<String, Object> stored = found.get().getProperties();
        ConfigBodies.keepMaskedSecrets(description, values, stored);
        if (!checked(description, uid.thingType(), values, response)) {
            return;
        }
        Dictionary<String, Object> typed = ConfigBodies.typed(description, values);
        Object explicitId = stored == null ? null : stored.get("thingId");
        if (explicitId != null) {
            typed.put("thingId", explicitId);
        }
        found.get().update(typed);
        LOGGER.info("Thing {} changed over REST", uid);
        answer(response, 200, uid);
    }

    /** {@code DELETE things/{uid}}: 204. */
    void delete(String uidText, HttpServletResponse response) throws IOException {
        ThingUID uid = ThingUID.parse(uidText);
        Optional<Configuration> found = editable(uid, response);
        if (found.isPresent()) {
            found.get().delete();
            LOGGER.info("Thing {} deleted over REST", uid);
            response.setStatus(204);
        }
    }

    /** The thing's configuration when REST may change it; else answers 404 or 409 and returns empty. */
    private Optional<Configuration> editable(ThingUID uid, HttpServletResponse response) throws IOException {
        Optional<Configuration> found = store.find(uid.thingType(), uid.thingId());
        if (found.isEmpty()) {
            Optional<ThingHandler> thing = registry.byUID(uid);
            if (thing.isPresent()) {
                HttpAnswers.error(response, 409, "not_editable", uid + " is not kept in Configuration Admin");
            } else {
                HttpAnswers.notFound(response, "no thing " + uid);
            }
            return Optional.empty();
        }
        String file = ConfigStore.file(found.get());
        if (file != null) {
            HttpAnswers.error(response, 409, "file_managed", uid + " is defined in " + file + "; edit that file");
            return Optional.empty();
        }
        return found;
    }

    private ThingUID uid(JsonObject body) {
        String uid = ConfigBodies.text(body, "UID");
        String type = ConfigBodies.text(body, "thingTypeUID");
        String label = ConfigBodies.text(body, "label");
        if (uid != null) {
            ThingUID parsed = ThingUID.parse(uid);
            if (type != null && !parsed.thingTypeUID().equals(type)) {
                throw new IllegalArgumentException("UID " + parsed + " is not of thingTypeUID " + type);
            }
            requireType(parsed.thingType());
            return parsed;
        }
        if (type == null || !type.startsWith("camalarm:")) {
            throw new IllegalArgumentException("give UID (camalarm:<type>:<id>) or thingTypeUID (camalarm:<type>)");
        }
        String thingType = type.substring("camalarm:".length());
        requireType(thingType);
        String slug = label == null ? "" : label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        String id =
                slug.substring(0, Math.min(slug.length(), ThingUID.MAX_SEGMENT)).replaceAll("^-+|-+$", "");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("give UID (camalarm:<type>:<id>) or a label to make the id from");
        }
        return new ThingUID(thingType, id);
    }

    private void requireType(String type) {
        if (!types.ids().contains(type)) {
            throw new IllegalArgumentException("unknown thing type camalarm:" + type + "; known: camalarm:"
                    + String.join(", camalarm:", types.ids()));
        }
    }

    private ConfigDescription description(String type) {
        return configs.describe(ThingTypes.PREFIX + type)
                .orElseThrow(() -> new IllegalArgumentException("unknown thing type camalarm:" + type));
    }

    /** The configuration with the label folded in (a thing's label is its {@code label} key). */
    private static Map<String, Object> values(JsonObject body) {
        Map<String, Object> values = ConfigBodies.values(body.get("configuration"), "configuration");
        String label = ConfigBodies.text(body, "label");
        if (label != null && !label.isBlank()) {
            values.put("label", label.strip());
        }
        return values;
    }

    /** Whether {@code values} are right; else answers 400 with every problem. */
    private boolean checked(
            ConfigDescription description, String type, Map<String, Object> values, HttpServletResponse response)
            throws IOException {
        List<ConfigProblem> problems = problems(description, type, values);
        if (problems.isEmpty()) {
            return true;
        }
        ConfigBodies.problems(response, problems);
        return false;
    }

    private List<ConfigProblem> problems(ConfigDescription description, String type, Map<String, Object> values) {
        // an http thing's commands are keys of the user's choosing (command.<name>), as its reader accepts them
        List<ConfigProblem> problems = new ArrayList<>(
                configs.check(description.pid(), values, key -> "http".equals(type) && key.startsWith("command.")));
        // the values read as their types; now as the thing judges them (ranges, addresses, plans):
        // a camera's every problem, each once, beside its field
        List<String> judged;
        if (ThingTypes.isCamera(type)) {
            judged = CameraConfigCheck.problems(type, values, configs);
        } else {
            String problem = problems.isEmpty() ? TargetConfigCheck.problem(type, values, configs) : null;
            judged = problem == null ? List.of() : List.of(problem);
        }
        for (String problem : judged) {
            ConfigProblem placed = ConfigBodies.problem(description, problem, values);
            if (problems.stream().noneMatch(p -> p.key().equals(placed.key()))) {
                problems.add(placed);
            }
        }
        return problems;
    }

    private static void answer(HttpServletResponse response, int status, ThingUID uid) throws IOException {
        JsonObject json = new JsonObject();
        json.addProperty("UID", uid.toString());
        response.setHeader("Location", "/camalarm/api/things/" + uid);
        HttpAnswers.json(response, status, json.toString());
    }
}
