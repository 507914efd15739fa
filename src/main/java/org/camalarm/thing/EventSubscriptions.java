package org.camalarm.thing;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.event.EventConstants;

/**
 * The topics EventAdmin handlers subscribe to, so a change no handler wants is not posted at all:
 * EventAdmin (Felix's 1.6 at least) hands every posted event to its thread pool even when no handler
 * matches, one thread hand-off per channel update. A handler's {@code event.filter} is not
 * evaluated (its topics match: posted). Thread-safe.
 */
final class EventSubscriptions {

    /** Topic patterns by handler: {@code *}, {@code a/b/*} (anything below a/b) or an exact topic. */
    private final Map<Object, List<String>> byHandler = new ConcurrentHashMap<>();

    /** Adds or replaces what a handler subscribes to ({@code event.topics}: a String, String[] or collection). */
    void put(Object handler, @Nullable Object topics) {
        byHandler.put(handler, patterns(topics));
    }

    void remove(Object handler) {
        byHandler.remove(handler);
    }

    /** Whether no handler subscribes to anything. */
    boolean isEmpty() {
        return byHandler.isEmpty();
    }

    boolean wanted(String topic) {
        for (List<String> patterns : byHandler.values()) {
            for (String pattern : patterns) {
                if (matches(pattern, topic)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matches(String pattern, String topic) {
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.endsWith("/*")) {
            return topic.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(topic);
    }

    private static List<String> patterns(@Nullable Object topics) {
        if (topics instanceof String topic) {
            return List.of(topic);
        }
        if (topics instanceof String[] array) {
            return List.of(array);
        }
        if (topics instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).toList();
        }
        return List.of(); // no event.topics: EventAdmin delivers it nothing
    }

    /** The property read from a handler's service registration. */
    static final String TOPICS = EventConstants.EVENT_TOPIC;
}
