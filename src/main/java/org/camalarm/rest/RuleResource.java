package org.camalarm.rest;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.camalarm.config.ConfigDescription;
import org.camalarm.config.ConfigProblem;
import org.camalarm.config.ConfigReader;
import org.camalarm.http.HttpAnswers;
import org.camalarm.rule.RuleLinks;
import org.camalarm.thing.ThingConfigurations;
import org.camalarm.thing.ThingRegistry;
import org.camalarm.thing.ThingUID;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rules over REST, through Configuration Admin: {@code GET rules}, {@code GET rules/{id}},
 * {@code POST rules}, {@code PUT rules/{id}}, {@code DELETE rules/{id}}. A rule body is
 * {@code {"id", …}} plus the keys of a rule file ({@code when}, {@code state}, {@code event},
 * {@code then}, {@code command}, {@code interval}, {@code schedule}, {@code enabled}). A rule
 * listed carries its configuration, whether it can be edited (or the file it comes from), the
 * problem that keeps it inactive if any, and its last firing and push result.
 */
final class RuleResource {

    private static final Logger LOGGER = LoggerFactory.getLogger(RuleResource.class);
    private static final String TYPE = "rule";

    private final ConfigStore store;
    private final ConfigReader configs;
    private final RuleActivity activity;
    private final ThingRegistry registry;

    RuleResource(ConfigStore store, ConfigReader configs, RuleActivity activity, ThingRegistry registry) {
        this.store = store;
        this.configs = configs;
        this.activity = activity;
        this.registry = registry;
    }

    void list(HttpServletResponse response) throws IOException {
        Configuration[] all;
        try {
            all = store.admin().listConfigurations("(service.factoryPid=" + ThingTypes.RULE_PID + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("a fixed filter is valid", e);
        }
        Map<String, JsonObject> rules = new TreeMap<>();
        for (Configuration configuration : all == null ? new Configuration[0] : all) {
            Dictionary<String, Object> properties = configuration.getProperties();
            ThingUID uid = properties == null ? null : ConfigStore.uid(configuration.getFactoryPid(), properties);
            if (uid != null) {
                rules.put(uid.thingId(), json(uid.thingId(), configuration));
            }
        }
        JsonArray list = new JsonArray();
        rules.values().forEach(list::add);
        HttpAnswers.json(response, 200, list.toString());
    }

    void get(String id, HttpServletResponse response) throws IOException {
        Optional<Configuration> found = store.find(TYPE, id);
        if (found.isEmpty()) {
            HttpAnswers.notFound(response, "no rule " + id);
        } else {
            HttpAnswers.json(response, 200, json(id, found.get()).toString());
        }
    }

    void create(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonObject body = ConfigBodies.object(request);
        String idText = ConfigBodies.text(body, "id");
        body.remove("id");
        String id = idText == null ? "" : idText.strip();
        if (!ThingUID.isValidSegment(id)) {
            throw new IllegalArgumentException("id must be " + ThingUID.SEGMENT_RULE + ", e.g. porchlight");
        }
        Map<String, Object> values = ConfigBodies.values(body, "the rule");
        if (store.find(TYPE, id).isPresent()) { // the taken id first, then what else is wrong: a form shows it all
            List<ConfigProblem> problems = new ArrayList<>(judged(values).problems());
            problems.add(0, taken(id));
            ConfigBodies.problems(response, 409, "rule_exists", problems);
            return;
        }
        RuleLinks links = checked(values, response);
        if (links == null) {
            return;
        }
        Dictionary<String, Object> typed = ConfigBodies.typed(description(), values);
        typed.put(ThingConfigurations.THING_ID, id); // its name is not the id (ConfigStore.create)
        if (!store.create(TYPE, id, typed)) { // created meanwhile, or its name taken by another id's configuration
            ConfigBodies.problems(
                    response, 409, "rule_exists", List.of(new ConfigProblem("id", id, "is already used")));
            return;
        }
        LOGGER.info("Rule {} created over REST", id);
        answer(response, 201, id, links);
    }

    void update(String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Configuration> found = editable(id, response);
        if (found.isEmpty()) {
            return;
        }
        JsonObject body = ConfigBodies.object(request);
        String bodyId = ConfigBodies.text(body, "id");
        body.remove("id");
        if (bodyId != null && !id.equals(bodyId)) {
            throw new IllegalArgumentException("id " + bodyId + " differs from the path's " + id);
        }
        Map<String, Object> values = ConfigBodies.values(body, "the rule");
        RuleLinks links = checked(values, response);
        if (links == null) {
            return;
        }
        Dictionary<String, Object> typed = ConfigBodies.typed(description(), values);
        Dictionary<String, Object> stored = found.get().getProperties();
        Object explicitId = stored == null ? null : stored.get("thingId");
        if (explicitId != null) {
            typed.put("thingId", explicitId);
        }
        found.get().update(typed);
        LOGGER.info("Rule {} changed over REST", id);
        answer(response, 200, id, links);
    }

    void delete(String id, HttpServletResponse response) throws IOException {
        Optional<Configuration> found = editable(id, response);
        if (found.isPresent()) {
            found.get().delete();
            LOGGER.info("Rule {} deleted over REST", id);
            response.setStatus(204);
        }
    }

    private Optional<Configuration> editable(String id, HttpServletResponse response) throws IOException {
        Optional<Configuration> found = store.find(TYPE, id);
        if (found.isEmpty()) {
            HttpAnswers.notFound(response, "no rule " + id);
            return Optional.empty();
        }
        String file = ConfigStore.file(found.get());
        if (file != null) {
            HttpAnswers.error(
                    response, 409, "file_managed", "rule " + id + " is defined in " + file + "; edit that file");
            return Optional.empty();
        }
        return found;
    }

    /**
     * The rule's check when it is sound (its device, when there, takes its command: warnings may
     * remain); else writes a 400 naming the problems and gives {@code null}.
     */
    private @Nullable RuleLinks checked(Map<String, Object> values, HttpServletResponse response) throws IOException {
        Judged judged = judged(values);
        RuleLinks links = judged.links();
        if (links != null) {
            return links;
        }
        ConfigBodies.problems(response, judged.problems());
        return null;
    }

    /** What is wrong with a rule's values (keys and types, else what they link), or its links when nothing is. */
    private record Judged(
            List<ConfigProblem> problems, @Nullable RuleLinks links) {}

    private Judged judged(Map<String, Object> values) {
        List<ConfigProblem> problems = configs.check(ThingTypes.RULE_PID, values, key -> false);
        if (!problems.isEmpty()) {
            return new Judged(problems, null);
        }
        RuleLinks links = RuleLinks.check(configs, values, registry);
        String error = links.error();
        return error == null
                ? new Judged(List.of(), links)
                : new Judged(List.of(ConfigBodies.problem(description(), error, values)), null);
    }

    private static ConfigProblem taken(String id) {
        return new ConfigProblem("id", id, "is already used by another rule");
    }

    private ConfigDescription description() {
        return configs.describe(ThingTypes.RULE_PID).orElseThrow(() -> new IllegalStateException("no rule Metatype"));
    }

    private JsonObject json(String id, Configuration configuration) {
        Dictionary<String, Object> properties = configuration.getProperties();
        Map<String, Object> values = properties == null ? Map.of() : ConfigStore.map(properties);
        JsonObject json = new JsonObject();
        json.addProperty("id", id);
        JsonObject shown = new JsonObject();
        new TreeMap<>(values)
                .forEach((key, value) -> description()
                        .attribute(key)
                        .ifPresent(attribute -> shown.add(key, ConfigJson.value(attribute, value))));
        json.add("configuration", shown);
        String file = ConfigStore.file(configuration);
        json.addProperty("editable", file == null);
        if (file != null) {
            json.addProperty("file", file);
        }
        RuleLinks links = RuleLinks.check(configs, values, registry);
        if (links.error() != null) {
            json.addProperty("problem", links.error());
        }
        json.add("warnings", warnings(links));
        JsonObject done = activity.of(id);
        done.entrySet().forEach(e -> json.add(e.getKey(), e.getValue()));
        return json;
    }

    /** What is not there (yet) for the rule: its camera or device, a channel. */
    private static JsonArray warnings(RuleLinks links) {
        JsonArray warnings = new JsonArray();
        links.warnings().forEach(warnings::add);
        return warnings;
    }

    private static void answer(HttpServletResponse response, int status, String id, RuleLinks links)
            throws IOException {
        JsonObject json = new JsonObject();
        json.addProperty("id", id);
        json.add("warnings", warnings(links));
        response.setHeader("Location", "/camalarm/api/rules/" + id);
        HttpAnswers.json(response, status, json.toString());
    }
}
