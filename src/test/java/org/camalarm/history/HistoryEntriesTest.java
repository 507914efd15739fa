package org.camalarm.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.camalarm.push.Confirmation;
import org.camalarm.push.PushResult;
import org.camalarm.push.PushResult.Reason;
import org.camalarm.push.SwitchState;
import org.camalarm.thing.ThingUID;
import org.junit.jupiter.api.Test;

/** What the history keeps of a push: its outcome, and what the device's state read back said of it. */
class HistoryEntriesTest {

    private static final ThingUID RELAY = new ThingUID("shelly", "gate");

    @Test
    void aPushRecordsWhetherTheDeviceConfirmedItAndTheStateItReadBack() {
        PushResult confirmed =
                new PushResult(true, Reason.OK, "HTTP 200", 200, 12, "", null, Confirmation.TRUE, SwitchState.ON);
        PushResult refused = new PushResult(
                false,
                Reason.NOT_CONFIRMED,
                "reads OFF after ON",
                200,
                30,
                "",
                null,
                Confirmation.FALSE,
                SwitchState.OFF);

        NewEvent on = HistoryEntries.push(RELAY, "power", "ON", false, confirmed, 1_000);
        NewEvent notCarriedOut = HistoryEntries.push(RELAY, "power", "ON", false, refused, 2_000);

        assertEquals("true", on.props().get("confirmed"));
        assertEquals("ON", on.props().get("state"));
        assertEquals("false", notCarriedOut.props().get("confirmed"));
        assertEquals("OFF", notCarriedOut.props().get("state"));
        assertEquals("NOT_CONFIRMED", notCarriedOut.props().get("reason"));
    }

    @Test
    void aPushThatReadNothingBackIsUnknownWithoutAState() {
        PushResult sent = new PushResult(true, Reason.OK, "HTTP 200", 200, 5, "", null);

        NewEvent event = HistoryEntries.push(RELAY, "power", "ON", true, sent, 1_000);

        assertEquals("unknown", event.props().get("confirmed"));
        assertFalse(event.props().containsKey("state"));
    }
}
