package org.camalarm.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What the front door's log line may show of a path: never the alarm token, nor a near miss of it. */
class HubFrontDoorTest {

    @Test
    void theTokenAndWhatStandsWhereItGoesAreMasked() {
        assertEquals("/alarm/<alarmToken>/door", HubFrontDoor.withoutToken("/alarm/s3cret-Tok/door", "s3cret-Tok"));
        assertEquals(
                "/alarm/<alarmToken>/door",
                HubFrontDoor.withoutToken("/alarm/s3cret-Tak/door", "s3cret-Tok"),
                "a typo in the token tells most of it");
        assertEquals(
                "/camalarms/<alarmToken>/door",
                HubFrontDoor.withoutToken("/camalarms/p%40ss%20word/door", "p@ss word"),
                "as the camera %-encoded it");
        assertEquals("/API/AlarmEvent/EventPush", HubFrontDoor.withoutToken("/API/AlarmEvent/EventPush", "tok"));
        assertEquals("/", HubFrontDoor.withoutToken("/", "tok"));
        assertEquals(
                "/x%zz/<alarmToken>", HubFrontDoor.withoutToken("/x%zz/tok", "tok"), "a broken escape is no error");
    }
}
