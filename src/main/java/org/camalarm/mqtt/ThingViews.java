package org.camalarm.mqtt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camalarm.camera.CameraHandler;
import org.camalarm.target.PushTargetHandler;
import org.camalarm.thing.ChannelDefinition;
import org.camalarm.thing.Thing;
import org.camalarm.thing.ThingHandler;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Reads a live thing into a {@link ThingView}: which kind it is (by its handler), who made it
 * (the thing type, and for cameras the vendor and model the camera reported), its MAC and its page
 * in camalarm's UI. Things that are neither cameras nor push targets are not published.
 */
final class ThingViews {

    private ThingViews() {}

    /** The view of a thing, or {@code null} when the bridge does not publish its kind. */
    static @Nullable ThingView of(ThingHandler handler, @Nullable String hubUrl) {
        Thing thing = handler.thing();
        List<ThingView.Channel> channels = new ArrayList<>();
        for (ChannelDefinition channel : thing.channels()) {
            String itemType = channel.itemType();
            if (channel.kind() == ChannelDefinition.Kind.STATE && itemType != null) {
                channels.add(new ThingView.Channel(channel.id(), channel.label(), itemType));
            }
        }
        String type = thing.uid().thingType();
        if (handler instanceof CameraHandler camera) {
            String mac = thing.property("macAddress");
            if (mac == null) {
                mac = camera.configuredMac();
            }
            return new ThingView(
                    thing.uid().thingId(),
                    thing.uid().toString(),
                    ThingView.Kind.CAMERA,
                    thing.label(),
                    "vigi".equals(type) ? "TP-Link VIGI" : "iVSEC/TVT",
                    cameraModel(type, thing.property("deviceName")),
                    mac == null ? null : mac.toLowerCase(Locale.ROOT),
                    page(hubUrl, "cameras", thing),
                    List.copyOf(channels));
        }
        if (handler instanceof PushTargetHandler) {
            return new ThingView(
                    thing.uid().thingId(),
                    thing.uid().toString(),
                    ThingView.Kind.PUSH_TARGET,
                    thing.label(),
                    targetMaker(type),
                    targetModel(type, thing),
                    null,
                    page(hubUrl, "targets", thing),
                    List.copyOf(channels));
        }
        return null;
    }

    private static String cameraModel(String type, @Nullable String deviceName) {
        if (deviceName != null) {
            return deviceName;
        }
        return "vigi".equals(type) ? "VIGI camera" : "iVSEC camera";
    }

    private static String targetMaker(String type) {
        return switch (type) {
            case "shelly" -> "Shelly";
            case "2n-relay", "2n-intercom" -> "2N";
            case "axis" -> "Axis";
            default -> "camalarm";
        };
    }

    private static String targetModel(String type, Thing thing) {
        return switch (type) {
            case "shelly" -> "light".equals(thing.configuration().get("kind")) ? "Dimmer" : "Relay";
            case "2n-relay" -> "Web relay";
            case "2n-intercom" -> "IP intercom switch";
            case "axis" -> "I/O port";
            case "http" -> "HTTP device";
            default -> type;
        };
    }

    /** The thing's page in camalarm's UI, e.g. {@code http://hub:8080/camalarm/ui/#/cameras/camalarm:vigi:frontdoor}. */
    private static @Nullable String page(@Nullable String hubUrl, String section, Thing thing) {
        return hubUrl == null ? null : hubUrl + "/camalarm/ui/#/" + section + "/" + thing.uid();
    }
}
