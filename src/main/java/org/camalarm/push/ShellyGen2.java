package org.camalarm.push;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Shelly Gen2, Gen3, Plus and Pro: RPC over HTTP GET. {@code /rpc/Switch.Set?id={index}&on=true|false},
 * toggle {@code /rpc/Switch.Toggle?id={index}}, pulse {@code /rpc/Switch.Set?id={index}&on=true&toggle_after=N}
 * (decimal seconds); {@code Light.Set}/{@code Light.Toggle} for the light kind.
 *
 * <p>Authentication is Digest with SHA-256 only, user {@code admin}: when the settings have a
 * password but no user, {@link #adapt} fills in {@code admin}. The device takes at most 6
 * requests at once and does no keep-alive.
 *
 * <p>Success: 2xx <b>and</b> no error in the body. Errors come as {@code {"code":-103,"message":...}}
 * (usually with a non-2xx status) or, from the JSON-RPC endpoint, as {@code {"error":{"code":..,"message":..}}}.
 *
 * <p>State: {@code GET /rpc/Switch.GetStatus?id={index}} ({@code Light.GetStatus}) answers the bare
 * status object; {@code output} is the state. ({@code Switch.Set} answers only {@code was_on}, the
 * state before.)
 *
 * @param index     the switch or light id, from 0
 * @param kind      relay (Switch) or light (Light)
 * @param pulseTime the pulse length, or {@code null} for 1 second
 */
public record ShellyGen2(
        int index, ShellyKind kind, @Nullable Duration pulseTime) implements DeviceFamily {

    /** The only user a Shelly Gen2+ knows. */
    public static final String USER = "admin";

    public ShellyGen2 {
        PulseTimes.checkIndex("index", index, 0);
        Objects.requireNonNull(kind, "kind");
        PulseTimes.check(pulseTime);
    }

    @Override
    public String label() {
        return "Shelly Gen2";
    }

    @Override
    public Set<SwitchCommand> supportedCommands() {
        return EnumSet.allOf(SwitchCommand.class);
    }

    @Override
    public PushRequest request(SwitchCommand command, DeviceSettings device) {
        String component = kind.gen2Component();
        String path = switch (command) {
            case ON -> component + ".Set?id=" + index + "&on=true";
            case OFF -> component + ".Set?id=" + index + "&on=false";
            case TOGGLE -> component + ".Toggle?id=" + index;
            case PULSE ->
                component + ".Set?id=" + index + "&on=true&toggle_after="
                        + PulseTimes.seconds(PulseTimes.orDefault(pulseTime));
        };
        return PushRequest.of(device, "GET", "/rpc/" + path);
    }

    /** Fills in the user {@code admin} when a password is set without a user. */
    @Override
    public DeviceSettings adapt(DeviceSettings settings) {
        if (settings.username().isEmpty() && !settings.password().isEmpty()) {
            return settings.withCredentials(USER, settings.password());
        }
        return settings;
    }

    @Override
    public Verdict judge(int status, String body) {
        Optional<String> error = error(body);
        if (!HttpStatus.isSuccess(status)) {
            return Verdict.rejected(
                    HttpStatus.describe(status) + error.map(e -> ": " + e).orElse(""));
        }
        return error.map(Verdict::rejected).orElseGet(() -> Verdict.ok(HttpStatus.describe(status)));
    }

    /** {@code Shelly error -103: Invalid argument}, if the body reports an error. */
    static Optional<String> error(String body) {
        Optional<JsonObject> json = JsonBodies.object(body);
        if (json.isEmpty()) {
            return Optional.empty();
        }
        JsonObject error = JsonBodies.object(json.get(), "error").orElse(null);
        if (error == null) {
            Long code = JsonBodies.number(json.get(), "code");
            if (code == null || code >= 0 || !json.get().has("message")) {
                return Optional.empty();
            }
            error = json.get();
        }
        String code = JsonBodies.text(error, "code");
        String message = JsonBodies.text(error, "message");
        return Optional.of("Shelly error" + (code == null ? "" : " " + code) + (message == null ? "" : ": " + message));
    }

    @Override
    public boolean readsState() {
        return true;
    }

    @Override
    public Optional<PushRequest> stateRequest(DeviceSettings device) {
        return Optional.of(PushRequest.of(device, "GET", "/rpc/" + kind.gen2Component() + ".GetStatus?id=" + index));
    }

    @Override
    public StateReply readState(int status, String body) {
        Verdict verdict = judge(status, body);
        if (!verdict.isOk()) {
            return new StateReply(null, verdict);
        }
        Optional<SwitchState> on = output(body);
        return on.isPresent()
                ? StateReply.of(on.get(), "output: " + (on.get() == SwitchState.ON))
                : StateReply.unreadable(status, "the reply has no boolean output");
    }

    @Override
    public Optional<Duration> pulseLength() {
        return Optional.of(PulseTimes.orDefault(pulseTime));
    }

    /** {@code output} of a GetStatus answer: the bare object, or inside the JSON-RPC {@code result}. */
    static Optional<SwitchState> output(String body) {
        Optional<JsonObject> json = JsonBodies.object(body);
        if (json.isEmpty()) {
            return Optional.empty();
        }
        Optional<JsonObject> result = JsonBodies.object(json.get(), "result");
        Boolean on = JsonBodies.bool(result.isPresent() ? result.get() : json.get(), "output");
        return on == null ? Optional.empty() : Optional.of(SwitchState.of(on));
    }
}
