package org.camalarm.push;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Axis I/O ports through VAPIX {@code port.cgi}: on {@code GET /axis-cgi/io/port.cgi?action={port}%3A%2F}
 * ({@code 1:/}), off {@code {port}%3A%5C} ({@code 1:\}), pulse {@code {port}%3A%2F{ms}%5C}
 * ({@code 1:/300\}: active, wait, inactive). {@code :}, {@code /} and {@code \} are
 * percent-encoded. There is no toggle (the port's state is not known to us).
 *
 * <p>Authentication: Digest (Basic optional); HTTPS with a self-signed certificate is common.
 * Success: 2xx and a body without the word "error" ({@code port.cgi} answers {@code OK}, an
 * empty body, or an error line; the exact success text varies by firmware, so any other text is
 * accepted).
 *
 * <p>State: {@code GET /axis-cgi/io/port.cgi?checkactive={port}} answers the line
 * {@code port{N}=active} or {@code port{N}=inactive} ({@code yes}/{@code no}, {@code 1}/{@code 0}
 * are read too).
 *
 * @param port      the I/O port number as VAPIX counts it, from 1
 * @param pulseTime the pulse length (whole milliseconds), or {@code null} for 1 second
 */
public record AxisIo(int port, @Nullable Duration pulseTime) implements DeviceFamily {

    public AxisIo {
        PulseTimes.checkIndex("port", port, 1);
        PulseTimes.check(pulseTime);
    }

    @Override
    public String label() {
        return "Axis I/O";
    }

    @Override
    public Set<SwitchCommand> supportedCommands() {
        return EnumSet.of(SwitchCommand.ON, SwitchCommand.OFF, SwitchCommand.PULSE);
    }

    @Override
    public PushRequest request(SwitchCommand command, DeviceSettings device) {
        String action = switch (command) {
            case ON -> port + "%3A%2F";
            case OFF -> port + "%3A%5C";
            case PULSE -> port + "%3A%2F" + PulseTimes.orDefault(pulseTime).toMillis() + "%5C";
            case TOGGLE -> throw DeviceFamily.unsupported(this, command);
        };
        return PushRequest.of(device, "GET", "/axis-cgi/io/port.cgi?action=" + action);
    }

    @Override
    public Verdict judge(int status, String body) {
        if (!HttpStatus.isSuccess(status)) {
            return Verdict.rejected(HttpStatus.describe(status));
        }
        if (body.toLowerCase(Locale.ROOT).contains("error")) {
            return Verdict.rejected(HttpStatus.describe(status) + " but Axis says: " + BodyExcerpt.firstLine(body, 80));
        }
        return Verdict.ok(HttpStatus.describe(status));
    }

    @Override
    public boolean readsState() {
        return true;
    }

    @Override
    public Optional<PushRequest> stateRequest(DeviceSettings device) {
        return Optional.of(PushRequest.of(device, "GET", "/axis-cgi/io/port.cgi?checkactive=" + port));
    }

    @Override
    public StateReply readState(int status, String body) {
        Verdict verdict = judge(status, body);
        if (!verdict.isOk()) {
            return new StateReply(null, verdict);
        }
        Optional<SwitchState> state = portState(body, port);
        return state.isPresent()
                ? StateReply.of(
                        state.get(), "port" + port + "=" + (state.get() == SwitchState.ON ? "active" : "inactive"))
                : StateReply.unreadable(status, "the reply has no line port" + port + "=active|inactive");
    }

    @Override
    public Optional<Duration> pulseLength() {
        return Optional.of(PulseTimes.orDefault(pulseTime));
    }

    /** The state of {@code port} in a {@code checkactive} reply, e.g. {@code port1=active}. */
    static Optional<SwitchState> portState(String body, int port) {
        Matcher line =
                Pattern.compile("(?im)^\\s*port" + port + "\\s*=\\s*(\\w+)").matcher(body);
        return line.find() ? SwitchState.parse(line.group(1)) : Optional.empty();
    }
}
