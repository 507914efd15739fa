package org.camalarm.server;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.camalarm.alarm.Alarm;
import org.camalarm.alarm.AlarmDecoder;
import org.camalarm.alarm.AlarmEvent;
import org.camalarm.alarm.AlarmRequest;
import org.camalarm.alarm.MalformedAlarmException;
import org.camalarm.alarm.UnknownDocumentException;
import org.camalarm.auth.AuthResult;
import org.camalarm.auth.PresentedAuth;
import org.camalarm.auth.SenderAuthentication;
import org.camalarm.camera.AlarmJournal;
import org.camalarm.camera.AlarmRouter;
import org.camalarm.camera.AlarmRouter.Delivery;
import org.camalarm.http.Answer;
import org.camalarm.text.Texts;
import org.camalarm.thing.ThingUID;
import org.camalarm.time.OncePerMinute;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alarm server without a transport: {@code /camalarm/alarm/{alarmToken}[/{thingId}[/{eventType}]]},
 * any method and vendor format (recognised by {@link AlarmDecoder}), answered the way cameras expect.
 * Both the servlet ({@link AlarmServlet}) and the lenient listener ({@link LenientAlarmListener})
 * hand requests here, so they answer byte for byte alike.
 *
 * <p>Answers: 200 for every accepted alarm, unknown cameras included (they go to the inbox), in
 * the shape the alarm's wire format expects (TVT's XML, Raysharp's {@code {"result":"success"}}
 * for iVSEC, {@code {"status":"ok"}} for the rest); 200 and nothing fired for a well-formed document
 * of an unknown shape (logged once per shape at INFO, naming only its XML root element or that it
 * was JSON); 404, identical to an unknown path, for a wrong token; 400 {@code {error, detail}} for
 * malformed input; 403 when the sender's address may not send as the camera; 401 with
 * {@code WWW-Authenticate} challenges (Digest, Basic) when the camera has credentials the alarm did
 * not carry, and 403 when it carried them over plain HTTP where the camera does not allow it; 429
 * for an address that sent too many wrong credentials; 405 for other methods; 503 when the camera's
 * configuration is invalid or the event history could not store the alarm. (413 is the transports'
 * job: they must not read an oversized body.) Client data is logged at debug only, credentials
 * never. A TVT camera's legacy alarm server comes without a token ({@link #handleTvtLegacy}).
 */
@Component(service = AlarmEndpoint.class)
public class AlarmEndpoint {

    /** Path prefix of the alarm server; the rest is {@code {alarmToken}[/{thingId}[/{eventType}]]}. */
    public static final String PATH = "/camalarm/alarm";

    private static final Logger LOGGER = LoggerFactory.getLogger(AlarmEndpoint.class);
    private static final int MAX_QUOTED_ID = 80;
    private static final Answer OK = Answer.json(200, "{\"status\":\"ok\"}");
    /** The reply the TVT "HTTP POST" alarm service expects. */
    private static final Answer TVT_OK = new Answer(
            200,
            "application/xml;charset=utf-8",
            ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><config version=\"1.0\""
                            + " xmlns=\"http://www.ipc.com/ver10\"><status>success</status></config>")
                    .getBytes(StandardCharsets.UTF_8),
            null);

    /** The answer the Raysharp document (the platform iVSEC runs) shows; the camera's Test judges it. */
    private static final Answer IVSEC_OK = Answer.json(200, "{\"result\":\"success\",\"data\":{}}");
    /** The only path a TVT camera's legacy alarm server posts to: it has no path setting, so no token. */
    public static final String TVT_LEGACY_PATH = "/SendAlarmStatus";

    /** Pushes to a path whose thing id is none: told at INFO once a minute. */
    private final OncePerMinute invalidIds = new OncePerMinute();

    private final OncePerMinute wrongTokens = new OncePerMinute();

    private final UnknownDocuments unknownDocuments = new UnknownDocuments();
    private final ServerSettings settings;
    private final AlarmRouter router;
    private final SenderAuthentication authentication;
    private final AlarmDecoder decoder = new AlarmDecoder();

    @Activate
    public AlarmEndpoint(
            @Reference ServerSettings settings,
            @Reference AlarmRouter router,
            @Reference SenderAuthentication authentication) {
        this.settings = settings;
        this.router = router;
        this.authentication = authentication;
    }

    /** An endpoint whose credential checks run on the system clock (tests). */
    public AlarmEndpoint(ServerSettings settings, AlarmRouter router) {
        this(settings, router, SenderAuthentication.on(Clock.systemUTC()));
    }

    /**
     * Who sent a request, and what it presented.
     *
     * @param address       the sender's IP address
     * @param secure        whether the request came over TLS
     * @param authorization its {@code Authorization} header, or {@code null}
     * @param requestTarget the path and query as the request line gave them (a Digest answer signs it)
     */
    public record Sender(
            String address, boolean secure, @Nullable String authorization, String requestTarget) {}

    public long maxBodyBytes() {
        return settings.maxBodyBytes();
    }

    /** The answer for {@code 413}, the same from every transport. */
    public Answer tooLarge() {
        long max = settings.maxBodyBytes();
        LOGGER.debug("Alarm body over {} bytes refused", max);
        return Answer.error(413, "body_too_large", "the body exceeds maxBodyBytes (" + max + " bytes)");
    }

    /**
     * Where an alarm goes: the thing and event type its path names (either may be {@code null}).
     * Transports get it before reading a body, so a request for no one is refused unread.
     */
    public record Target(@Nullable String thingId, @Nullable String eventType) {}

    /**
     * The target of a path after {@link #PATH} ({@code /token[/thingId[/eventType]]}), or {@code null}
     * when it is not ours: another shape, or a wrong token (a 404 like any unknown path). A wrong
     * token is logged at INFO once a minute, with the sender and without the token: a camera with a
     * typo in it would otherwise look dead, and a near miss would tell most of the real one.
     */
    public @Nullable Target target(@Nullable String pathAfterPrefix, String remoteAddress) {
        String[] path = pathSegments(pathAfterPrefix);
        if (path == null) {
            return null;
        }
        if (!settings.isAlarmToken(path[0])) {
            wrongTokens.log(
                    LOGGER,
                    "A push from {} carried a wrong alarm token (404, as for any unknown path): the camera's alarm"
                            + " server path must be /camalarm/alarm/<alarmToken> with this hub's alarmToken (the"
                            + " setup assistant in the web UI gives it)",
                    remoteAddress);
            return null;
        }
        return new Target(path.length > 1 ? path[1] : null, path.length > 2 ? path[2] : null);
    }

    /** {@link #handle(Target, String, String, String, byte[], Sender)} for a plain request without credentials. */
    public Answer handle(
            Target target,
            String method,
            @Nullable String query,
            @Nullable String contentType,
            byte[] body,
            String remoteAddress) {
        return handle(target, method, query, contentType, body, new Sender(remoteAddress, false, null, ""));
    }

    /**
     * Handles one alarm to a {@link #target(String) target}.
     *
     * @param query the raw query string, or {@code null}
     */
    public Answer handle(
            Target target,
            String method,
            @Nullable String query,
            @Nullable String contentType,
            byte[] body,
            Sender sender) {
        String remoteAddress = sender.address();
        if (!"GET".equals(method) && !"POST".equals(method)) {
            return Answer.methodNotAllowed("GET, POST", "cameras push alarms with GET or POST, not " + method);
        }
        Answer blocked = blocked(remoteAddress);
        if (blocked != null) {
            return blocked;
        }
        String thingId = target.thingId();
        if (thingId != null && !thingId.isEmpty() && !ThingUID.isValidSegment(thingId)) {
            // a typo in the camera's path ("front.door"): taken as no id, its alarms went to another camera
            String detail = "the path's thing id " + Texts.quoted(thingId, MAX_QUOTED_ID) + " is no thing id ("
                    + ThingUID.SEGMENT_RULE + ")";
            invalidIds.log(LOGGER, "Alarm from {} refused (400): {}", remoteAddress, detail);
            return Answer.error(400, "invalid_thing_id", detail);
        }
        try {
            AlarmRequest request =
                    new AlarmRequest(method, thingId, target.eventType(), contentType, query, body, remoteAddress);
            return deliver(decoder.decode(request), request.thingId(), method, sender);
        } catch (UnknownDocumentException e) {
            unknownDocuments.report(e.root(), remoteAddress);
            return OK;
        } catch (MalformedAlarmException e) {
            LOGGER.debug("Malformed alarm from {}: {} ({})", remoteAddress, e.getMessage(), e.error());
            return Answer.error(400, e.error(), String.valueOf(e.getMessage()));
        } catch (AlarmJournal.NotRecordedException e) {
            return notRecorded(remoteAddress, e);
        } catch (RuntimeException e) {
            // a defect of ours, met by an input we did not foresee: the camera still gets a clean answer
            LOGGER.warn("Alarm from {} could not be processed: {}", remoteAddress, e.toString());
            return Answer.error(400, "unprocessable_alarm", "the request could not be read as an alarm");
        }
    }

    /**
     * Handles what a TVT camera's legacy alarm server sends: {@code POST /SendAlarmStatus} or its
     * heartbeat, bare XML with no request line. Neither can carry the alarm token (the camera has
     * an address and a port, no path), so only TVT's XML is taken this way; anything else is
     * answered like an unknown path. The sender's address, credentials and the wrong-credentials
     * limit count as for {@link #handle(Target, String, String, String, byte[], Sender) handle}: the
     * legacy server sends no credentials, so a camera that needs them refuses these alarms.
     */
    public Answer handleTvtLegacy(@Nullable String contentType, byte[] body, Sender sender) {
        String remoteAddress = sender.address();
        Answer blocked = blocked(remoteAddress);
        if (blocked != null) {
            return blocked;
        }
        try {
            AlarmRequest request = new AlarmRequest("POST", null, null, contentType, null, body, remoteAddress);
            Alarm alarm = decoder.decode(request);
            if (alarm.format() != Alarm.Format.TVT_XML) {
                LOGGER.debug(
                        "Tokenless {} push from {} refused: only TVT XML comes without a token",
                        alarm.format(),
                        remoteAddress);
                return Answer.NOT_FOUND;
            }
            return deliver(alarm, null, "POST", sender);
        } catch (MalformedAlarmException e) { // an unknown document included: no token, no welcome
            LOGGER.debug("Tokenless push from {} refused: {} ({})", remoteAddress, e.getMessage(), e.error());
            return Answer.NOT_FOUND;
        } catch (AlarmJournal.NotRecordedException e) {
            return notRecorded(remoteAddress, e);
        } catch (RuntimeException e) {
            LOGGER.warn("Tokenless alarm from {} could not be processed: {}", remoteAddress, e.toString());
            return Answer.error(400, "unprocessable_alarm", "the request could not be read as an alarm");
        }
    }

    /** 429 while the address is blocked for too many wrong credentials, else {@code null}. */
    private @Nullable Answer blocked(String remoteAddress) {
        long wait = authentication.blockedSeconds(remoteAddress);
        if (wait <= 0) {
            return null;
        }
        return Answer.error(429, "too_many_failures", "too many wrong credentials from this address")
                .with(List.of(new Answer.Header("Retry-After", Long.toString(wait))));
    }

    /** Not stored, so not acknowledged: the camera may send it again (the history logs why, once a minute). */
    private static Answer notRecorded(String remoteAddress, AlarmJournal.NotRecordedException e) {
        LOGGER.debug("Alarm from {} not recorded: {}", remoteAddress, e.getMessage());
        return Answer.error(503, "not_recorded", "the event history could not store this alarm; send it again");
    }

    private Answer deliver(Alarm alarm, @Nullable String thingId, String method, Sender sender) {
        String remoteAddress = sender.address();
        PresentedAuth presented =
                authentication.presented(sender.authorization(), method, sender.requestTarget(), sender.secure());
        Delivery delivery = router.route(alarm, thingId, remoteAddress, presented);
        if (LOGGER.isDebugEnabled()) {
            LOGGER.debug(
                    "Alarm from {} ({}) for {}: {}",
                    remoteAddress,
                    alarm.format(),
                    delivery.thing() != null ? delivery.thing() : delivery.route(),
                    summary(alarm));
        }
        return switch (delivery.route()) {
            case FORBIDDEN -> {
                LOGGER.debug("Alarm for {} from {} refused: address not allowed", delivery.thing(), remoteAddress);
                yield Answer.error(
                        403, "address_not_allowed", "this address may not send alarms as " + delivery.thing());
            }
            case MISCONFIGURED -> {
                ThingUID thing = delivery.thing();
                LOGGER.debug("Alarm for {} from {} dropped: its configuration is invalid", thing, remoteAddress);
                yield Answer.error(
                        503,
                        "camera_misconfigured",
                        thing + " takes no alarms until its configuration is fixed (see its status)");
            }
            case UNAUTHORIZED -> unauthorized(delivery, presented, remoteAddress);
            case DELIVERED, INBOX -> answer(alarm.format());
        };
    }

    /** The answer each client expects: TVT's XML; Raysharp's JSON for iVSEC (its Test judges it); else ours. */
    private static Answer answer(Alarm.Format format) {
        return switch (format) {
            case TVT_XML -> TVT_OK;
            case IVSEC, FIXED_PATH -> IVSEC_OK;
            default -> OK;
        };
    }

    /** {@code PERSON start, MOTION pulse}, or {@code keepalive}. */
    private static String summary(Alarm alarm) {
        if (alarm.events().isEmpty()) {
            return "keepalive";
        }
        StringBuilder text = new StringBuilder();
        for (AlarmEvent event : alarm.events()) {
            text.append(text.length() == 0 ? "" : ", ")
                    .append(event.type())
                    .append(' ')
                    .append(event.action().name().toLowerCase(Locale.ROOT));
        }
        return text.append(alarm.image() == null ? "" : " with a snapshot").toString();
    }

    /** 403 for credentials over plain HTTP (no challenge: it would invite them in clear), else 401 with challenges. */
    private Answer unauthorized(Delivery delivery, PresentedAuth presented, String remoteAddress) {
        AuthResult result = delivery.auth();
        LOGGER.debug(
                "Alarm for {} from {} refused: credentials {} ({})",
                delivery.thing(),
                remoteAddress,
                result,
                presented.scheme());
        if (result == AuthResult.PLAIN_HTTP) {
            return Answer.error(
                    403,
                    "https_required",
                    delivery.thing()
                            + " takes its credentials over HTTPS only (credentialsOverHttp allows plain HTTP)");
        }
        if (result == AuthResult.WRONG) {
            authentication.failed(remoteAddress);
        }
        List<Answer.Header> challenges = authentication.challenges(result == AuthResult.STALE).stream()
                .map(challenge -> new Answer.Header("WWW-Authenticate", challenge))
                .toList();
        String detail = result == AuthResult.WRONG
                ? "wrong username or password for this camera"
                : "this camera's alarms need its username and password";
        return Answer.error(401, "unauthorized", detail).with(challenges);
    }

    /** {@code /token[/thingId[/eventType]]} split, or {@code null} for any other shape. */
    private static String @Nullable [] pathSegments(@Nullable String pathInfo) {
        if (pathInfo == null || pathInfo.length() < 2 || pathInfo.charAt(0) != '/') {
            return null;
        }
        String trimmed = pathInfo.endsWith("/") ? pathInfo.substring(1, pathInfo.length() - 1) : pathInfo.substring(1);
        String[] segments = trimmed.split("/", -1);
        if (segments.length > 3) {
            return null;
        }
        for (String segment : segments) {
            if (segment.isEmpty()) {
                return null;
            }
        }
        return segments;
    }
}
