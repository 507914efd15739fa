package org.camalarm.push;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camalarm.push.FakeDevice.Reply;
import org.camalarm.push.FakeDevice.Seen;

/**
 * A relay on loopback that keeps a real on/off state and speaks one family's protocol: commands
 * switch it (a pulse switches it back by itself after its time), status requests read it. It can
 * be told to ignore commands, be switched by hand ({@link #switchByHand}), or stop answering
 * ({@link #mute}: requests hang unanswered until {@link #unmute}).
 */
public final class StatefulDevice implements AutoCloseable {

    /** The protocols it can speak; the relay, switch or port number is always the first (0 for Shelly, else 1). */
    public enum Kind {
        SHELLY_GEN1,
        SHELLY_GEN2,
        TWO_N_RELAY,
        TWO_N_INTERCOM,
        AXIS
    }

    private static final Pattern NUMBER = Pattern.compile("(\\d+(?:\\.\\d+)?)");

    private final Kind kind;
    private final FakeDevice device;
    private final ScheduledExecutorService pulses = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fake-pulse");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger commands = new AtomicInteger();
    private volatile boolean on;
    private volatile boolean obeys = true;
    private volatile CountDownLatch muted = new CountDownLatch(0);

    private StatefulDevice(Kind kind) throws Exception {
        this.kind = kind;
        this.device = FakeDevice.http(this::answer);
    }

    public static StatefulDevice start(Kind kind) throws Exception {
        return new StatefulDevice(kind);
    }

    public int port() {
        return device.port();
    }

    public FakeDevice device() {
        return device;
    }

    public boolean isOn() {
        return on;
    }

    /** Commands received (status requests not counted). */
    public int commands() {
        return commands.get();
    }

    /** From now on commands are answered as accepted but change nothing. */
    public StatefulDevice ignoringCommands() {
        obeys = false;
        return this;
    }

    /** Someone switches the relay at the device, or its own schedule does. */
    public void switchByHand(boolean newState) {
        on = newState;
    }

    /** Requests from now on hang unanswered, as a device that lost power or network. */
    public void mute() {
        muted = new CountDownLatch(1);
    }

    public void unmute() {
        muted.countDown();
    }

    private Reply answer(Seen request) throws Exception {
        CountDownLatch silence = muted;
        if (silence.getCount() > 0) {
            silence.await(30, TimeUnit.SECONDS);
            throw new IllegalStateException("muted"); // answered 500 long after the client gave up
        }
        String target = request.target();
        return switch (kind) {
            case SHELLY_GEN1 -> shellyGen1(target);
            case SHELLY_GEN2 -> shellyGen2(target);
            case TWO_N_RELAY -> twoNRelay(target);
            case TWO_N_INTERCOM -> twoNIntercom(target);
            case AXIS -> axis(target);
        };
    }

    private Reply shellyGen1(String target) {
        if (target.contains("turn=")) {
            String turn = value(target, "turn");
            command(
                    "on".equals(turn) || "toggle".equals(turn) && !on,
                    target.contains("timer=") ? seconds(value(target, "timer")) : 0);
        }
        return Reply.of(
                        200,
                        "{\"ison\":" + on + ",\"has_timer\":false,\"timer_started\":0,\"timer_duration\":0,"
                                + "\"timer_remaining\":0,\"source\":\"http\"}")
                .withHeader("Content-Type", "application/json");
    }

    private Reply shellyGen2(String target) {
        if (target.contains(".GetStatus")) {
            return Reply.of(200, "{\"id\":0,\"source\":\"http\",\"output\":" + on + ",\"temperature\":{\"tC\":41.2}}");
        }
        boolean wasOn = on;
        if (target.contains(".Toggle")) {
            command(!on, 0);
        } else {
            command(
                    "true".equals(value(target, "on")),
                    target.contains("toggle_after=") ? seconds(value(target, "toggle_after")) : 0);
        }
        return Reply.of(200, "{\"was_on\":" + wasOn + "}");
    }

    private Reply twoNRelay(String target) {
        if (target.contains("relay1State=")) {
            String state = value(target, "relay1State");
            switch (state) {
                case "0" -> command(false, 0);
                case "1" -> command(true, 0);
                case "5" -> command(!on, 0);
                case "2" -> command(true, target.contains("pulseTime1=") ? seconds(value(target, "pulseTime1")) : 1.5);
                default -> {
                    return Reply.of(400, "bad relay state");
                }
            }
        }
        return Reply.of(
                200,
                "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n<datavalues>\n<relay1state>" + (on ? 1 : 0)
                        + "</relay1state>\n<relay2state>0</relay2state>\n</datavalues>\n");
    }

    private Reply twoNIntercom(String target) {
        if (target.startsWith("/api/switch/status")) {
            return Reply.of(
                    200,
                    "{\"success\":true,\"result\":{\"switches\":[{\"switch\":1,\"active\":" + on
                            + ",\"locked\":false,\"held\":" + on + "}]}}");
        }
        switch (value(target, "action")) {
            case "on" -> command(true, 0);
            case "off" -> command(false, 0);
            default -> command(!on, 0); // trigger of a bistable switch
        }
        return Reply.of(200, "{\"success\":true}");
    }

    private Reply axis(String target) {
        if (target.contains("checkactive=")) {
            return Reply.of(200, "port1=" + (on ? "active" : "inactive") + "\r\n");
        }
        String action = value(target, "action");
        if (action.startsWith("1%3A%2F")) {
            String rest = action.substring("1%3A%2F".length());
            command(true, rest.endsWith("%5C") ? seconds(rest.substring(0, rest.length() - 3)) / 1000 : 0);
        } else {
            command(false, 0);
        }
        return Reply.of(200, "OK");
    }

    /** Carries out a command (unless ignoring them); a pulse of {@code pulseSeconds} switches back by itself. */
    private void command(boolean newState, double pulseSeconds) {
        commands.incrementAndGet();
        if (!obeys) {
            return;
        }
        on = newState;
        if (pulseSeconds > 0) {
            pulses.schedule(() -> on = false, (long) (pulseSeconds * 1000), TimeUnit.MILLISECONDS);
        }
    }

    private static String value(String target, String name) {
        Matcher m = Pattern.compile("[?&]" + Pattern.quote(name) + "=([^&]*)").matcher(target);
        return m.find() ? m.group(1) : "";
    }

    private static double seconds(String text) {
        Matcher m = NUMBER.matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Override
    public void close() {
        unmute();
        device.close();
        pulses.shutdownNow();
    }
}
