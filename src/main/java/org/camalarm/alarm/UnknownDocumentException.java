package org.camalarm.alarm;

import org.camalarm.text.Texts;

/**
 * A well-formed document (XML or JSON) of a shape no decoder knows, with nothing in the URL to
 * make it a fixed-path push. It is not the camera's fault and no alarm: the alarm server answers
 * it 2xx, says once what it was, and fires nothing. A subclass of {@link MalformedAlarmException}
 * so that a caller that does not know it still treats it as no alarm.
 */
public class UnknownDocumentException extends MalformedAlarmException {

    private static final long serialVersionUID = 1L;
    /** Longest root name kept: it is client data and goes into a log line. */
    static final int MAX_ROOT_CHARS = 40;

    /**
     * What an unknown JSON document is reported as: its member names are the sender's words, and
     * the INFO line that tells the user names only what we can vouch for.
     */
    public static final String JSON_OBJECT = "JSON";

    private final String root;

    /** @param root the XML root element's local name, or {@link #JSON_OBJECT} */
    UnknownDocumentException(String root) {
        super(
                "unknown_document",
                "a well-formed document with root " + Texts.quoted(root, MAX_ROOT_CHARS)
                        + " that no camera format describes");
        this.root = Texts.shortened(root, MAX_ROOT_CHARS);
    }

    /** What the document is, for telling the user: its XML root element, shortened, or {@link #JSON_OBJECT}. */
    public String root() {
        return root;
    }
}
