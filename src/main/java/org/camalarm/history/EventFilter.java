package org.camalarm.history;

import org.eclipse.jdt.annotation.Nullable;

/**
 * What a history query asks for; {@code null} fields do not filter.
 *
 * @param since  only events received at or after this (epoch ms), or {@link Long#MIN_VALUE}
 * @param until  only events received at or before this (epoch ms), or {@link Long#MAX_VALUE}
 * @param limit  at most this many events
 * @param before continue after this event (the {@code next} of the previous page), or {@code null}
 */
public record EventFilter(
        @Nullable String thing,
        @Nullable String type,
        @Nullable EventKind kind,
        long since,
        long until,
        int limit,
        @Nullable EventId before) {

    /** The newest {@code limit} events of every kind. */
    public static EventFilter newest(int limit) {
        return new EventFilter(null, null, null, Long.MIN_VALUE, Long.MAX_VALUE, limit, null);
    }

    public EventFilter withThing(@Nullable String value) {
        return new EventFilter(value, type, kind, since, until, limit, before);
    }

    public EventFilter before(@Nullable EventId cursor) {
        return new EventFilter(thing, type, kind, since, until, limit, cursor);
    }

    boolean matches(StoredEvent event) {
        String wantedThing = thing;
        String wantedType = type;
        return !event.slot().deleted()
                && (wantedThing == null || wantedThing.equals(event.thing()))
                && (wantedType == null || wantedType.equals(event.type()))
                && (kind == null || kind == event.kind());
    }

    /** The most selective chain these filters allow. */
    Chain chain() {
        if (thing != null) {
            return type != null ? Chain.THING_TYPE : Chain.THING;
        }
        return type != null ? Chain.TYPE : kind != null ? Chain.KIND : Chain.ALL;
    }

    String chainKey() {
        return chain().key(thing == null ? "" : thing, kind == null ? EventKind.ALARM : kind, type == null ? "" : type);
    }
}
