package org.camalarm.rest;

/** A request body above the limit of its call: answered 413, never read cut short. */
final class BodyTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BodyTooLargeException(int limit) {
        super("the body is larger than " + limit + " bytes");
    }
}
