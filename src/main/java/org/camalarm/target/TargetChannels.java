package org.camalarm.target;

import java.util.List;
import org.camalarm.thing.ChannelDefinition;

/** The channels of push-target things. */
public final class TargetChannels {

    /** Switch: ON and OFF commands switch the relay or light. */
    public static final String POWER = "power";
    /** Switch taking any command: inverts the relay. */
    public static final String TOGGLE = "toggle";
    /** Switch taking any command: on for the pulse time, then off. */
    public static final String PULSE = "pulse";

    public static final String LAST_RESULT = "lastResult";
    public static final String LAST_PUSH = "lastPush";
    public static final String LAST_RESPONSE_CODE = "lastResponseCode";

    static final List<ChannelDefinition> STATUS = List.of(
            ChannelDefinition.state(LAST_RESULT, "String", "Last result"),
            ChannelDefinition.state(LAST_PUSH, "DateTime", "Last push"),
            ChannelDefinition.state(LAST_RESPONSE_CODE, "Number", "Last response code"));

    private TargetChannels() {}

    static boolean isStatus(String channelId) {
        return LAST_RESULT.equals(channelId) || LAST_PUSH.equals(channelId) || LAST_RESPONSE_CODE.equals(channelId);
    }

    static ChannelDefinition action(String id, String label) {
        return ChannelDefinition.state(id, "Switch", label);
    }
}
