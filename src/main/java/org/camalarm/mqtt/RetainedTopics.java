package org.camalarm.mqtt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The retained topics the bridge left on a broker, and for which thing, kept in a file in
 * {@code userdata/camalarm/}: so that what a former run published and nobody wants any more (a
 * thing removed while the hub was stopped, a changed base topic, prefix or snapshot entity) can be
 * cleared, instead of staying on the broker as a dead device in Home Assistant.
 *
 * @param layout what decided the topics (broker, base, prefix, entity choices): when it changed,
 *               every former topic not published again is stale
 * @param topics topic → thing id ({@code ""} for the hub's own)
 */
record RetainedTopics(String layout, Map<String, String> topics) {

    static final String FILE_NAME = "mqtt-retained-topics";
    private static final String LAYOUT = "# layout ";

    static String layout(MqttSettings settings) {
        return settings.broker() + " " + settings.baseTopic() + " " + settings.discoveryPrefix() + " discovery="
                + settings.discovery() + " images=" + settings.publishImages() + " snapshots="
                + settings.snapshotEntity();
    }

    /** Whether both name the same broker (topics of another broker cannot be cleared from here). */
    boolean sameBroker(MqttSettings settings) {
        return layout.startsWith(settings.broker() + " ");
    }

    /** What the file says; nothing when there is no file. */
    static RetainedTopics load(Path file) throws IOException {
        Map<String, String> topics = new LinkedHashMap<>();
        String layout = "";
        if (Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith(LAYOUT)) {
                    layout = line.substring(LAYOUT.length());
                } else if (!line.isBlank() && line.indexOf('\t') >= 0) {
                    topics.put(line.substring(line.indexOf('\t') + 1), line.substring(0, line.indexOf('\t')));
                }
            }
        }
        return new RetainedTopics(layout, topics);
    }

    void save(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# retained topics the camalarm MQTT bridge published: thing id, tab, topic");
        lines.add(LAYOUT + layout);
        topics.forEach((topic, thingId) -> lines.add(thingId + "\t" + topic));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
