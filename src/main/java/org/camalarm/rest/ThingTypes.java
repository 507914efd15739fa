package org.camalarm.rest;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.camalarm.alarm.Alarm;
import org.camalarm.config.AttributeDescription;
import org.camalarm.config.ConfigDescription;
import org.camalarm.config.ConfigReader;
import org.camalarm.target.TargetConfigCheck;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;

/**
 * The thing types, from the bundle's Metatype: every factory configuration but the rule's is a
 * thing type ({@code camalarm.vigi} is {@code camalarm:vigi}). For the UI's forms:
 * {@code GET thing-types} in the spirit of openHAB's {@code ThingTypeDTO} with
 * {@code configParameters}.
 */
final class ThingTypes {

    static final String PREFIX = "camalarm.";
    static final String RULE_PID = "camalarm.rule";

    private final MetaTypeService metatype;
    private final Bundle bundle;
    private final ConfigReader configs;

    ThingTypes(MetaTypeService metatype, Bundle bundle, ConfigReader configs) {
        this.metatype = metatype;
        this.bundle = bundle;
        this.configs = configs;
    }

    /** The thing type ids ({@code vigi}, {@code shelly}, …). */
    Set<String> ids() {
        Set<String> ids = new TreeSet<>();
        MetaTypeInformation info = metatype.getMetaTypeInformation(bundle);
        String[] factories = info == null ? null : info.getFactoryPids();
        for (String pid : factories == null ? new String[0] : factories) {
            if (pid.startsWith(PREFIX) && !RULE_PID.equals(pid)) {
                ids.add(pid.substring(PREFIX.length()));
            }
        }
        return ids;
    }

    static boolean isCamera(String type) {
        return Arrays.stream(Alarm.Vendor.values()).anyMatch(v -> v.thingType().equals(type));
    }

    /** {@code [{"UID","label","description","kind","configParameters":[…]}]} in the locale (null: default). */
    JsonArray json(@Nullable String locale) {
        Set<String> ids = ids();
        JsonArray types = new JsonArray();
        for (ConfigDescription description : configs.descriptions(locale)) {
            String type =
                    description.pid().startsWith(PREFIX) ? description.pid().substring(PREFIX.length()) : "";
            if (!ids.contains(type)) {
                continue;
            }
            JsonObject json = new JsonObject();
            json.addProperty("UID", "camalarm:" + type);
            json.addProperty("label", description.name());
            json.addProperty("description", description.description());
            json.addProperty("kind", isCamera(type) ? "camera" : "device");
            json.add("configParameters", parameters(description, TargetConfigCheck.protocols(type)));
            types.add(json);
        }
        return types;
    }

    /** @param protocols the {@code protocol} options to offer; empty: all the description has */
    static JsonArray parameters(ConfigDescription description, Set<String> protocols) {
        JsonArray parameters = new JsonArray();
        for (AttributeDescription a : description.attributes()) {
            JsonObject p = new JsonObject();
            p.addProperty("name", a.id());
            p.addProperty("label", a.name());
            p.addProperty("description", a.description());
            p.addProperty(
                    "type",
                    switch (a.type()) {
                        case AttributeDescription.INTEGER, AttributeDescription.LONG -> "INTEGER";
                        case AttributeDescription.DOUBLE -> "DECIMAL";
                        case AttributeDescription.BOOLEAN -> "BOOLEAN";
                        default -> "TEXT";
                    });
            if (a.secret()) {
                p.addProperty("context", "password");
            }
            p.addProperty("required", a.required());
            p.addProperty("multiple", a.multiple());
            if (!a.defaults().isEmpty()) {
                p.addProperty("defaultValue", String.join(",", a.defaults()));
            }
            JsonArray options = new JsonArray();
            a.options().forEach((value, label) -> {
                if (a.id().equals("protocol") && !protocols.isEmpty() && !protocols.contains(value)) {
                    return; // a Shelly speaks no UDP
                }
                JsonObject o = new JsonObject();
                o.addProperty("value", value);
                o.addProperty("label", label);
                options.add(o);
            });
            p.add("options", options);
            parameters.add(p);
        }
        return parameters;
    }
}
