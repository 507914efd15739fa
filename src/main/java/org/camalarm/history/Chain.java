package org.camalarm.history;

/**
 * The back-pointer chains every record belongs to: each record points to the previous record of
 * the whole log, of its thing, of its kind, of its type, and of its thing and type together. A
 * query follows the most selective chain that its filters allow, newest first.
 */
enum Chain {
    ALL,
    THING,
    KIND,
    TYPE,
    THING_TYPE;

    /** The chain's key for an event with these fields (the head of that key is its newest record). */
    String key(String thing, EventKind kind, String type) {
        return switch (this) {
            case ALL -> "a";
            case THING -> "t\u0000" + thing;
            case KIND -> "k\u0000" + kind.name();
            case TYPE -> "y\u0000" + type;
            case THING_TYPE -> "x\u0000" + thing + "\u0000" + type;
        };
    }
}
