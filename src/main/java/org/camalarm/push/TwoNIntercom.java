package org.camalarm.push;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * 2N IP intercoms (IP Verso, ...), HTTP API: {@code GET /api/switch/ctrl?switch={N}&action=on|off|trigger};
 * toggle and pulse both send {@code trigger} (the switch's own mode, bistable or monostable,
 * decides what it does). GET and POST are equivalent on the device.
 *
 * <p>Authentication: None, Basic or Digest (MD5), chosen per service on the device; HTTPS with a
 * self-signed certificate is common.
 *
 * <p><b>Errors come with HTTP 200</b> as {@code {"success":false,"error":{"code":14,...}}}:
 * success needs 2xx and no {@code "success":false}. Error 8 (wrong authentication method) is
 * reported as {@link PushResult.Reason#AUTH_FAILED}, the others as rejected.
 *
 * <p>State: {@code GET /api/switch/status?switch={N}} answers
 * {@code {"success":true,"result":{"switches":[{"switch":1,"active":true,...}]}}}; {@code active}
 * is the state.
 *
 * @param switchId the switch number, from 1
 */
public record TwoNIntercom(int switchId) implements DeviceFamily {

    private static final Map<Long, String> ERRORS = Map.of(
            7L, "HTTPS required", 8L, "wrong authentication method", 12L, "invalid parameter", 14L, "action failed");
    private static final long WRONG_AUTH_METHOD = 8;

    public TwoNIntercom {
        PulseTimes.checkIndex("switchId", switchId, 1);
    }

    @Override
    public String label() {
        return "2N IP intercom";
    }

    @Override
    public Set<SwitchCommand> supportedCommands() {
        return EnumSet.allOf(SwitchCommand.class);
    }

    @Override
    public PushRequest request(SwitchCommand command, DeviceSettings device) {
        String action = switch (command) {
            case ON -> "on";
            case OFF -> "off";
            case TOGGLE, PULSE -> "trigger";
        };
        return PushRequest.of(device, "GET", "/api/switch/ctrl?switch=" + switchId + "&action=" + action);
    }

    @Override
    public Verdict judge(int status, String body) {
        Optional<JsonObject> json = JsonBodies.object(body);
        boolean failed = json.isPresent() && "false".equals(JsonBodies.text(json.get(), "success"));
        if (!failed) {
            return HttpStatus.isSuccess(status)
                    ? Verdict.ok(HttpStatus.describe(status))
                    : Verdict.rejected(HttpStatus.describe(status));
        }
        Optional<JsonObject> reported = JsonBodies.object(json.get(), "error");
        JsonObject error = reported.isPresent() ? reported.get() : new JsonObject();
        Long code = JsonBodies.number(error, "code");
        String meaning = code == null ? null : ERRORS.get(code);
        if (meaning == null) {
            meaning = Optional.ofNullable(JsonBodies.text(error, "description")).orElse("request failed");
        }
        String detail = "2N error" + (code == null ? "" : " " + code) + ": " + meaning;
        if (!HttpStatus.isSuccess(status)) {
            detail = HttpStatus.describe(status) + ", " + detail;
        }
        return code != null && code == WRONG_AUTH_METHOD
                ? new Verdict(PushResult.Reason.AUTH_FAILED, detail)
                : Verdict.rejected(detail);
    }

    @Override
    public boolean readsState() {
        return true;
    }

    @Override
    public Optional<PushRequest> stateRequest(DeviceSettings device) {
        return Optional.of(PushRequest.of(device, "GET", "/api/switch/status?switch=" + switchId));
    }

    @Override
    public StateReply readState(int status, String body) {
        Verdict verdict = judge(status, body);
        if (!verdict.isOk()) {
            return new StateReply(null, verdict);
        }
        Optional<SwitchState> state = active(body, switchId);
        return state.isPresent()
                ? StateReply.of(state.get(), "switch " + switchId + " active: " + (state.get() == SwitchState.ON))
                : StateReply.unreadable(status, "the reply has no state of switch " + switchId);
    }

    /** {@code active} of switch {@code switchId} in a {@code /api/switch/status} answer. */
    static Optional<SwitchState> active(String body, int switchId) {
        Optional<JsonObject> json = JsonBodies.object(body);
        Optional<JsonObject> result = json.isPresent() ? JsonBodies.object(json.get(), "result") : Optional.empty();
        JsonElement switches = result.isPresent() ? result.get().get("switches") : null;
        if (switches == null || !switches.isJsonArray()) {
            return Optional.empty();
        }
        for (JsonElement element : switches.getAsJsonArray()) {
            if (element.isJsonObject()) {
                JsonObject one = element.getAsJsonObject();
                Long number = JsonBodies.number(one, "switch");
                Boolean active = JsonBodies.bool(one, "active");
                if (active != null
                        && (number == null ? switches.getAsJsonArray().size() == 1 : number == switchId)) {
                    return Optional.of(SwitchState.of(active));
                }
            }
        }
        return Optional.empty();
    }
}
