package org.camalarm.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.camalarm.thing.State;
import org.camalarm.thing.ThingStatusInfo;
import org.camalarm.thing.ThingStatusInfo.Detail;
import org.junit.jupiter.api.Test;

/** States as Home Assistant parses them: timestamps with a zone, sensor text within 255 characters, raw images. */
class PayloadsTest {

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void dateTimesBecomeUtcToTheSecond() {
        State time = State.dateTime(ZonedDateTime.of(2026, 10, 5, 16, 25, 31, 987_000_000, ZoneId.of("Europe/Berlin")));
        assertEquals("2026-10-05T14:25:31Z", text(Payloads.of(time, Discovery.Format.TIMESTAMP, null)));
    }

    @Test
    void sensorTextIsCutTo255CharactersWithoutSplittingACharacter() {
        String long256 = "x".repeat(254) + "\uD83D\uDE00"; // an emoji across characters 255 and 256
        String cut = text(Payloads.of(State.string(long256), Discovery.Format.SENSOR_TEXT, null));
        assertEquals("x".repeat(254), cut);
        assertEquals(
                300,
                text(Payloads.of(State.string("y".repeat(300)), Discovery.Format.TEXT, null))
                        .length());
    }

    @Test
    void imagesAreTheirBytesAndNothingIsPublishedBeforeAFirstValue() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, 0, 1, 2};
        assertArrayEquals(jpeg, Payloads.of(State.image(jpeg, "image/jpeg"), Discovery.Format.IMAGE, null));
        assertNull(Payloads.of(State.NULL, Discovery.Format.SWITCH, null));
    }

    @Test
    void aSnapshotPathBecomesALinkWhenTheHubsAddressIsKnown() {
        State path = State.string("/camalarm/api/things/camalarm:vigi:a/image");
        assertEquals(
                "http://hub:8080/camalarm/api/things/camalarm:vigi:a/image",
                text(Payloads.of(path, Discovery.Format.URL, "http://hub:8080")));
        assertEquals(path.text(), text(Payloads.of(path, Discovery.Format.URL, null)));
    }

    @Test
    void onlyAThingThatCannotWorkIsUnavailable() {
        assertEquals("online", text(Payloads.availability(ThingStatusInfo.UNKNOWN)), "cameras before their first push");
        assertEquals("online", text(Payloads.availability(ThingStatusInfo.ONLINE)));
        assertEquals(
                "online",
                text(Payloads.availability(ThingStatusInfo.offline(Detail.COMMUNICATION_ERROR, "refused"))),
                "a relay whose last push failed can still be pressed again");
        assertEquals(
                "offline", text(Payloads.availability(ThingStatusInfo.offline(Detail.CONFIGURATION_ERROR, "bad"))));
    }
}
