package org.camalarm.server;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the user once about each kind of document nobody understands (a camera configured to
 * send a format camalarm does not speak, a new firmware's new message): at INFO the first time a
 * root element is seen (for JSON, only that it was JSON: member names are not logged at INFO), at
 * debug after that. Remembers at most {@value #MAX_REMEMBERED} roots, so
 * a sender inventing roots cannot grow memory or flood the log. Thread-safe.
 */
final class UnknownDocuments {

    static final int MAX_REMEMBERED = 32;
    private static final Logger LOGGER = LoggerFactory.getLogger(UnknownDocuments.class);

    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    /** @param root the document's root, already shortened and cleaned by the decoder */
    void report(String root, String remoteAddress) {
        boolean first = seen.size() < MAX_REMEMBERED && seen.add(root);
        String line = "Ignored a {} document from {}: no camera format camalarm knows looks like it;"
                + " answered 200 and fired nothing";
        if (first) {
            LOGGER.info(line + " (told once per kind of document)", root, remoteAddress);
        } else {
            LOGGER.debug(line, root, remoteAddress);
        }
    }
}
