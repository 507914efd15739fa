package org.camalarm.rest;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.camalarm.inbox.InboxEntry;
import org.camalarm.thing.ChannelDefinition;
import org.camalarm.thing.Thing;
import org.camalarm.thing.ThingStatusInfo;

/** Things and inbox entries in the JSON shape of openHAB's REST API ({@code EnrichedThingDTO}). */
final class ThingJson {

    private static final Gson GSON = new Gson();

    private ThingJson() {}

    static JsonObject thing(Thing thing) {
        JsonObject json = new JsonObject();
        json.addProperty("UID", thing.uid().toString());
        json.addProperty("thingTypeUID", thing.uid().thingTypeUID());
        json.addProperty("label", thing.label());
        json.addProperty("editable", thing.editable());
        json.add("statusInfo", status(thing.status()));
        json.add("properties", GSON.toJsonTree(thing.properties()));
        json.add("configuration", GSON.toJsonTree(thing.configuration()));
        JsonArray channels = new JsonArray();
        for (ChannelDefinition channel : thing.channels()) {
            JsonObject c = new JsonObject();
            c.addProperty("uid", thing.uid().channelUID(channel.id()));
            c.addProperty("id", channel.id());
            c.addProperty("channelTypeUID", thing.uid().thingTypeUID() + ":" + channel.id());
            c.addProperty("label", channel.label());
            c.addProperty("kind", channel.kind().name());
            if (channel.kind() == ChannelDefinition.Kind.STATE) {
                c.addProperty("itemType", channel.itemType());
                c.addProperty("state", thing.state(channel.id()).text());
            }
            channels.add(c);
        }
        json.add("channels", channels);
        return json;
    }

    private static JsonObject status(ThingStatusInfo info) {
        JsonObject json = new JsonObject();
        json.addProperty("status", info.status().name());
        json.addProperty("statusDetail", info.detail().name());
        if (!info.description().isEmpty()) {
            json.addProperty("description", info.description());
        }
        return json;
    }

    /** openHAB's {@code DiscoveryResultDTO} shape, plus when and how often the camera pushed. */
    static JsonObject inboxEntry(InboxEntry entry) {
        JsonObject json = new JsonObject();
        json.addProperty("thingUID", entry.thingUID().toString());
        json.addProperty("thingTypeUID", entry.thingUID().thingTypeUID());
        json.addProperty("label", entry.label());
        json.add("properties", GSON.toJsonTree(entry.properties()));
        String mac = entry.properties().get("macAddress");
        if (mac != null) {
            json.addProperty("representationProperty", "macAddress");
        }
        json.addProperty("firstSeen", entry.firstSeen().toString());
        json.addProperty("lastSeen", entry.lastSeen().toString());
        json.addProperty("pushes", entry.pushes());
        json.addProperty("renamable", entry.renamable());
        if (entry.lastEventType() != null) {
            json.addProperty("lastEventType", entry.lastEventType());
        }
        return json;
    }

    static String toJson(Object tree) {
        return GSON.toJson(tree);
    }
}
