package org.camalarm.alarm;

/**
 * A request that cannot be read as any camera's alarm. The servlet answers 400 with
 * {@code {"error": error, "detail": message}}; the message names what is wrong, never echoes secrets.
 */
public class MalformedAlarmException extends Exception {

    private static final long serialVersionUID = 1L;
    private final String error;

    public MalformedAlarmException(String error, String detail) {
        super(detail);
        this.error = error;
    }

    /** A short machine-readable error code such as {@code invalid_json}. */
    public String error() {
        return error;
    }
}
