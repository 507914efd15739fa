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
 * 2N web relay (9137410E, 9137411E): {@code GET /state.xml?relay{N}State=1} (on), {@code =0}
 * (off), {@code =2} (pulse, the device's preset time, 1.5 s by default; with
 * {@code &pulseTime{N}=S} when a pulse time is configured) and {@code =5} for toggle.
 * <b>Toggle is a guess</b> ("=5" is reported for some models only): a device that does not know
 * it answers with an error status or an unchanged state.
 *
 * <p>Authentication: none or Basic. Success: 2xx and a {@code <datavalues>} XML reply; an empty
 * 2xx body is accepted too. ControlByWeb's manual, whose {@code state.xml} syntax the 2N relay
 * follows, says the reply to {@code state.xml} "does not contain headers": such a reply is the
 * device's when it is a {@code <datavalues>} document ({@link HeadlessReplies}); anything else
 * without a head is {@link PushResult.Reason#NO_STATUS}.
 *
 * <p>State: {@code GET /state.xml} answers {@code <datavalues>} with {@code <relay{N}state>}
 * (multi-relay models) or {@code <relaystate>} (single-relay models), 1 = energised. These devices
 * may send the XML without any HTTP head; {@link #relayState} finds the element in whatever text
 * carried it.
 *
 * @param relay     the relay number, from 1
 * @param pulseTime the pulse length (sent as decimal seconds), or {@code null} for the device's preset
 */
public record TwoNWebRelay(int relay, @Nullable Duration pulseTime) implements DeviceFamily, HeadlessReplies {

    public TwoNWebRelay {
        PulseTimes.checkIndex("relay", relay, 1);
        PulseTimes.check(pulseTime);
    }

    @Override
    public String label() {
        return "2N web relay";
    }

    @Override
    public Set<SwitchCommand> supportedCommands() {
        return EnumSet.allOf(SwitchCommand.class);
    }

    @Override
    public PushRequest request(SwitchCommand command, DeviceSettings device) {
        Duration pulse = pulseTime;
        String state = switch (command) {
            case ON -> "1";
            case OFF -> "0";
            case TOGGLE -> "5";
            case PULSE -> pulse == null ? "2" : "2&pulseTime" + relay + "=" + PulseTimes.seconds(pulse);
        };
        return PushRequest.of(device, "GET", "/state.xml?relay" + relay + "State=" + state);
    }

    @Override
    public Verdict judge(int status, String body) {
        if (!HttpStatus.isSuccess(status)) {
            return Verdict.rejected(HttpStatus.describe(status));
        }
        if (body.isBlank() || body.toLowerCase(Locale.ROOT).contains("<datavalues")) {
            return Verdict.ok(HttpStatus.describe(status));
        }
        return Verdict.rejected(HttpStatus.describe(status) + " but the reply is not a 2N state.xml document");
    }

    @Override
    public boolean readsState() {
        return true;
    }

    @Override
    public Optional<PushRequest> stateRequest(DeviceSettings device) {
        return Optional.of(PushRequest.of(device, "GET", "/state.xml"));
    }

    @Override
    public StateReply readState(int status, String body) {
        if (!HttpStatus.isSuccess(status)) {
            return StateReply.failed(status);
        }
        Optional<SwitchState> state = relayState(body, relay);
        return state.isPresent()
                ? StateReply.of(state.get(), "relay " + relay + " state " + (state.get() == SwitchState.ON ? 1 : 0))
                : StateReply.unreadable(status, "the reply has no state of relay " + relay);
    }

    @Override
    public Optional<Duration> pulseLength() {
        return Optional.ofNullable(pulseTime);
    }

    /**
     * The state of relay {@code relay} in a {@code state.xml} reply: {@code <relay{N}state>}, or for
     * relay 1 also the single-relay {@code <relaystate>}; 0 is off, any other number on. Element
     * names in any case; anything around the element (HTTP head or not) is ignored.
     */
    static Optional<SwitchState> relayState(String text, int relay) {
        Matcher numbered = element("relay" + relay + "state").matcher(text);
        if (numbered.find()) {
            return Optional.of(SwitchState.of(Integer.parseInt(numbered.group(1)) != 0));
        }
        Matcher single = element("relaystate").matcher(text);
        if (relay == 1 && single.find()) {
            return Optional.of(SwitchState.of(Integer.parseInt(single.group(1)) != 0));
        }
        return Optional.empty();
    }

    private static Pattern element(String name) {
        return Pattern.compile("(?i)<" + name + ">\\s*(\\d{1,3})\\s*</" + name + ">");
    }

    @Override
    public boolean mayAnswerHeadless(PushRequest request) {
        String path = request.pathAndQuery();
        int query = path.indexOf('?');
        return (query < 0 ? path : path.substring(0, query)).equalsIgnoreCase("/state.xml");
    }

    @Override
    public Verdict judgeHeadless(String body) {
        if (isStateDocument(body)) {
            return Verdict.ok("state.xml reply without an HTTP head, as ControlByWeb relays send it");
        }
        return new Verdict(
                PushResult.Reason.NO_STATUS, "no HTTP status came back, and the reply is not a state.xml document");
    }

    @Override
    public boolean isWhole(String tail) {
        return tail.strip().toLowerCase(Locale.ROOT).endsWith("</datavalues>");
    }

    private static boolean isStateDocument(String body) {
        String text = body.toLowerCase(Locale.ROOT);
        return text.contains("<datavalues") && text.contains("</datavalues>");
    }
}
