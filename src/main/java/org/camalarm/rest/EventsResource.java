package org.camalarm.rest;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.camalarm.alarm.EventTypes;
import org.camalarm.history.EventFilter;
import org.camalarm.history.EventHistory;
import org.camalarm.history.EventId;
import org.camalarm.history.EventKind;
import org.camalarm.history.EventPage;
import org.camalarm.history.HistoryStore;
import org.camalarm.history.MediaRef;
import org.camalarm.history.StoredEvent;
import org.camalarm.http.HttpAnswers;
import org.camalarm.http.Routes;
import org.camalarm.thing.ThingUID;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event history over REST, newest first and cursor-paged:
 *
 * <pre>
 * GET    events?thing=&amp;type=&amp;kind=&amp;since=&amp;until=&amp;limit=&amp;before=   {"events":[…],"next":cursor|null}
 * GET    events/{id}                                       one event ({@link EventJson})
 * GET    events/{id}/image | thumbnail | lastImage          image/jpeg, ETag, Cache-Control private
 * DELETE events/{id}                                       204
 * </pre>
 *
 * Unknown or malformed parameters get 400 naming the parameter; unknown ids 404; a store that cannot
 * answer (a disk error, a writer that does not keep up) 503.
 */
final class EventsResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    /**
     * A date-time whose offset's {@code +} became a space in the query string. Possessive: a long
     * value with no space fails in one pass, not by backtracking over every split of it.
     */
    private static final Pattern OFFSET_AS_SPACE = Pattern.compile("^(\\S++) (\\d{2}:\\d{2})$");

    private static final Set<String> PARAMETERS = Set.of("thing", "type", "kind", "since", "until", "limit", "before");
    /** Images and thumbnails of an event never change: a year. */
    private static final String IMMUTABLE = "private, max-age=31536000, immutable";

    private static final Logger LOGGER = LoggerFactory.getLogger(EventsResource.class);

    /** What a route does with the open store. */
    @FunctionalInterface
    private interface StoreCall {
        void answer(EventHistory history, HistoryStore store) throws IOException;
    }

    private final Supplier<@Nullable EventHistory> history;

    /** @param history the event history while there is one (it is an optional service) */
    EventsResource(Supplier<@Nullable EventHistory> history) {
        this.history = history;
    }

    /** Its routes: {@code events…}, as the class comment lists them. */
    void addTo(Routes routes) {
        routes.on("GET", "events", this::list)
                .on("GET", "events/*", this::get)
                .on("DELETE", "events/*", this::delete)
                .on("GET", "events/*/image", this::image)
                .on("GET", "events/*/lastImage", this::lastImage)
                .on("GET", "events/*/thumbnail", this::thumbnail);
    }

    private void list(String[] path, HttpServletRequest request, HttpServletResponse response) throws IOException {
        call(request, response, (history, store) -> list(store, request, response));
    }

    private void get(String[] path, HttpServletRequest request, HttpServletResponse response) throws IOException {
        withEvent(
                path,
                request,
                response,
                (history, store, event) ->
                        HttpAnswers.json(response, 200, EventJson.of(event).toString()));
    }

    private void delete(String[] path, HttpServletRequest request, HttpServletResponse response) throws IOException {
        withEvent(path, request, response, (history, store, event) -> {
            if (store.delete(event.eventId())) {
                response.setStatus(204);
            } else {
                HttpAnswers.notFound(response, noEvent(event.eventId().text()));
            }
        });
    }

    private void image(String[] path, HttpServletRequest request, HttpServletResponse response) throws IOException {
        withEvent(
                path,
                request,
                response,
                (history, store, event) -> image(store, event, event.image(), request, response));
    }

    private void lastImage(String[] path, HttpServletRequest request, HttpServletResponse response) throws IOException {
        withEvent(
                path,
                request,
                response,
                (history, store, event) -> image(store, event, event.slot().lastImage(), request, response));
    }

    private void thumbnail(String[] path, HttpServletRequest request, HttpServletResponse response) throws IOException {
        withEvent(
                path,
                request,
                response,
                (history, store, event) -> jpeg(
                        request,
                        response,
                        event.firstSnapshot() == null ? null : history.thumbnail(store, event),
                        "\"" + event.eventId() + "-thumbnail\"",
                        true));
    }

    /** What a route does with the event its path names. */
    @FunctionalInterface
    private interface EventCall {
        void answer(EventHistory history, HistoryStore store, StoredEvent event) throws IOException;
    }

    /** 404 unless {@code path[1]} is the id of a stored event. */
    private void withEvent(String[] path, HttpServletRequest request, HttpServletResponse response, EventCall call)
            throws IOException {
        call(request, response, (history, store) -> {
            EventId id = EventId.parse(path[1]);
            StoredEvent event = id == null ? null : store.get(id);
            if (id == null) {
                HttpAnswers.notFound(response, "no such event: an event id is 32 hex digits, as events lists them");
            } else if (event == null) {
                HttpAnswers.notFound(response, noEvent(id.text()));
            } else {
                call.answer(history, store, event);
            }
        });
    }

    private static String noEvent(String id) {
        return "no event " + id + " (deleted, removed by retention, or never stored)";
    }

    /** 404 when the history is off; 503 when the store fails before the answer started. */
    private void call(HttpServletRequest request, HttpServletResponse response, StoreCall call) throws IOException {
        EventHistory current = history.get();
        HistoryStore store = current == null ? null : current.store();
        if (current == null || store == null) {
            HttpAnswers.error(
                    response,
                    404,
                    "history_off",
                    "the event history is off (camalarm.history: enabled=false)"
                            + " or could not be opened; see the hub's log");
            return;
        }
        try {
            call.answer(current, store);
        } catch (IOException e) {
            if (response.isCommitted()) {
                throw e; // the client went away while the answer was being written
            }
            // a GET has no body to read: before the answer starts, an IOException is the store's
            LOGGER.warn("The event history could not answer a REST {}: {}", request.getMethod(), e.getMessage());
            HttpAnswers.error(
                    response, 503, "history_unavailable", "the event history could not answer now; see the hub's log");
        }
    }

    /**
     * The event's first snapshot ({@code image}) or its latest ({@code lastImage}): the first never
     * changes, the latest does while the event goes on, unless it is the first.
     */
    private static void image(
            HistoryStore store,
            StoredEvent event,
            @Nullable MediaRef ref,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        byte[] jpeg = ref == null ? null : store.media(ref);
        boolean fixed = ref != null && ref.equals(event.image());
        jpeg(
                request,
                response,
                jpeg,
                "\"" + event.eventId() + "-" + (ref == null ? 0 : Long.toHexString(ref.position())) + "\"",
                fixed);
    }

    private static void list(HistoryStore store, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        EventFilter filter = filter(request.getParameterMap(), ZoneId.systemDefault());
        EventPage page = store.query(filter);
        JsonArray events = new JsonArray();
        page.events().forEach(event -> events.add(EventJson.of(event)));
        JsonObject json = new JsonObject();
        json.add("events", events);
        EventId next = page.next();
        json.addProperty("next", next == null ? null : next.text());
        HttpAnswers.json(response, 200, json.toString());
    }

    /** The query's filter; IllegalArgumentException (400) naming the parameter that is wrong. */
    static EventFilter filter(Map<String, String[]> parameters, ZoneId zone) {
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (!PARAMETERS.contains(parameter.getKey())) {
                throw new IllegalArgumentException("unknown parameter " + parameter.getKey() + "; known: thing, type,"
                        + " kind, since, until, limit, before");
            }
            if (parameter.getValue().length != 1) {
                throw new IllegalArgumentException(parameter.getKey() + " is given more than once");
            }
        }
        String thing = value(parameters, "thing");
        if (thing != null) {
            thing = ThingUID.parse(thing).toString();
        }
        String kindText = value(parameters, "kind");
        EventKind kind = kindText == null ? null : EventKind.parse(kindText);
        if (kindText != null && kind == null) {
            throw new IllegalArgumentException("kind must be alarm, push or rule, not " + kindText);
        }
        String type = value(parameters, "type");
        if (type != null && (kind == null || kind == EventKind.ALARM)) {
            type = EventTypes.canonical(type); // person, PEOPLE and PERSON are one type
        }
        String since = value(parameters, "since");
        String until = value(parameters, "until");
        String limit = value(parameters, "limit");
        String before = value(parameters, "before");
        EventId cursor = before == null ? null : EventId.parse(before);
        if (before != null && cursor == null) {
            throw new IllegalArgumentException(
                    "before must be the next of a previous page or an event id (32 hex digits)");
        }
        long from = since == null ? Long.MIN_VALUE : time("since", since, zone, false);
        long to = until == null ? Long.MAX_VALUE : time("until", until, zone, true);
        if (from > to) {
            throw new IllegalArgumentException("since (" + since + ") is after until (" + until + ")");
        }
        return new EventFilter(thing, type, kind, from, to, limit(limit), cursor);
    }

    private static @Nullable String value(Map<String, String[]> parameters, String key) {
        String[] values = parameters.get(key);
        return values == null || values[0].isBlank() ? null : values[0].strip();
    }

    private static int limit(@Nullable String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("limit must be a number from 1 to " + MAX_LIMIT + ", not " + text);
    }

    /**
     * An ISO-8601 instant, date-time with offset, local date-time (hub's zone) or date (its start, or
     * for until its end). A {@code +} typed into a URL arrives as a space ({@code 19:00:00 01:00}):
     * taken as the {@code +} it was.
     */
    static long time(String key, String typed, ZoneId zone, boolean endOfDay) {
        String text = OFFSET_AS_SPACE.matcher(typed).replaceFirst("$1+$2");
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeException | ArithmeticException e) { // ArithmeticException: beyond a long of ms
            // try the next form
        }
        try {
            return LocalDateTime.parse(text).atZone(zone).toInstant().toEpochMilli();
        } catch (DateTimeException | ArithmeticException e) {
            // try the next form
        }
        try {
            LocalDate date = LocalDate.parse(text);
            Instant start =
                    (endOfDay ? date.plusDays(1) : date).atStartOfDay(zone).toInstant();
            return start.toEpochMilli() - (endOfDay ? 1 : 0);
        } catch (DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException(key + " must be an ISO-8601 time such as 2026-12-01T18:00:00Z,"
                    + " 2026-12-01T19:00:00+01:00 (in a URL: %2B01:00), 2026-12-01T19:00 (hub time) or 2026-12-01,"
                    + " not " + typed);
        }
    }

    private static void jpeg(
            HttpServletRequest request,
            HttpServletResponse response,
            byte @Nullable [] jpeg,
            String etag,
            boolean fixed)
            throws IOException {
        if (jpeg == null) {
            HttpAnswers.error(response, 404, "no_image", "this event has no such image (none came, or it was pruned)");
            return;
        }
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", fixed ? IMMUTABLE : "private, no-cache");
        String match = request.getHeader("If-None-Match");
        if (match != null && (match.contains(etag) || "*".equals(match.strip()))) {
            response.setStatus(304);
            return;
        }
        response.setStatus(200);
        response.setContentType("image/jpeg");
        response.setContentLength(jpeg.length);
        response.getOutputStream().write(jpeg);
    }
}
