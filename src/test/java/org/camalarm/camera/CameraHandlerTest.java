package org.camalarm.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camalarm.alarm.Alarm;
import org.camalarm.alarm.Alarm.Format;
import org.camalarm.alarm.Alarm.Vendor;
import org.camalarm.alarm.AlarmEvent;
import org.camalarm.alarm.AlarmEvent.Action;
import org.camalarm.auth.AuthResult;
import org.camalarm.auth.DigestClient;
import org.camalarm.auth.SenderAuthentication;
import org.camalarm.image.ImageBytes;
import org.camalarm.thing.ChannelDefinition;
import org.camalarm.thing.RecordingThingEvents;
import org.camalarm.thing.Thing;
import org.camalarm.thing.ThingUID;
import org.camalarm.time.ManualTimers;
import org.camalarm.time.Timers.Cancellable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Where alarms become channel states: ON, hold time, stop, maximum duration, with a manual clock. */
class CameraHandlerTest {

    private final ManualTimers timers = new ManualTimers(Instant.parse("2026-11-25T10:00:00Z"));
    private final RecordingThingEvents events = new RecordingThingEvents();
    private Thing thing;
    private CameraHandler handler;

    @BeforeEach
    void setUp() {
        List<ChannelDefinition> channels = new ArrayList<>(CameraChannels.DETECTIONS);
        channels.addAll(CameraChannels.STATUS);
        thing = new Thing(new ThingUID("vigi", "cam"), "Cam", Map.of(), true, channels, events);
        handler = new CameraHandler(thing, CameraSettings.of("", 10, 60, new String[0]), timers);
        events.lines.clear(); // the OFF announced at start is not what these tests are about
    }

    private static Alarm push(Action action, String... types) {
        List<AlarmEvent> list = new ArrayList<>();
        for (String type : types) {
            list.add(new AlarmEvent(type, type, action, LocalDateTime.of(2026, 11, 25, 11, 0), null, "{}"));
        }
        return new Alarm(Vendor.VIGI, Format.VIGI_JSON, "10.0.0.2", "98:BA:5F:8B:10:03", "cam", list, null);
    }

    private String state(String channel) {
        return thing.state(channel).text();
    }

    @Test
    void pulseStaysOnForHoldTimeAfterLastRepeat() {
        handler.accept(push(Action.PULSE, "PERSON"));
        assertEquals("ON", state("humanAlarm"));

        timers.advance(Duration.ofSeconds(8));
        handler.accept(push(Action.PULSE, "PERSON")); // repeat restarts the hold time
        timers.advance(Duration.ofSeconds(8));
        assertEquals("ON", state("humanAlarm"));

        timers.advance(Duration.ofSeconds(2));
        assertEquals("OFF", state("humanAlarm"));
        // one ON and one OFF: repeats do not re-announce ON
        assertEquals(
                List.of("state camalarm:vigi:cam:humanAlarm OFF->ON", "state camalarm:vigi:cam:humanAlarm ON->OFF"),
                events.matching("state camalarm:vigi:cam:humanAlarm"));
        assertEquals(0, timers.pending());
    }

    @Test
    void aClockSetBackDuringAHoldDoesNotHoldTheDetectionOnAnHourLonger() {
        handler.accept(push(Action.PULSE, "PERSON"));
        timers.advance(Duration.ofSeconds(5));
        handler.accept(push(Action.PULSE, "PERSON")); // the hold now ends at 15 s

        timers.setWallClock(Instant.parse("2026-11-25T09:00:05Z")); // NTP corrects a clock an hour ahead
        timers.advance(Duration.ofSeconds(9));
        assertEquals("ON", state("humanAlarm"));
        timers.advance(Duration.ofSeconds(1));
        assertEquals("OFF", state("humanAlarm"), "10 s after the repeat, as always");
    }

    @Test
    void startWaitsForStop() {
        handler.accept(push(Action.START, "MOTION"));
        timers.advance(Duration.ofSeconds(30)); // far beyond hold time
        assertEquals("ON", state("motionAlarm"));

        handler.accept(push(Action.STOP, "MOTION"));
        assertEquals("OFF", state("motionAlarm"));
        assertEquals(0, timers.pending());
    }

    @Test
    void startWithoutStopIsForcedOffAtMaxDuration() {
        handler.accept(push(Action.START, "MOTION"));
        timers.advance(Duration.ofSeconds(59));
        assertEquals("ON", state("motionAlarm"));
        timers.advance(Duration.ofSeconds(1));
        assertEquals("OFF", state("motionAlarm"));
    }

    @Test
    void endlessRepeatsAreCutAtMaxDurationAndARepeatStartsANewAlarm() {
        for (int i = 0; i < 12; i++) { // a repeat every 5 s for 60 s
            handler.accept(push(Action.PULSE, "PERSON"));
            timers.advance(Duration.ofSeconds(5));
        }
        assertEquals("OFF", state("humanAlarm"));
        handler.accept(push(Action.PULSE, "PERSON"));
        assertEquals("ON", state("humanAlarm"));
    }

    @Test
    void everyEventOfAPushIsAppliedAndTriggered() {
        handler.accept(push(Action.PULSE, "MOTION", "PERSON", "VEHICLE"));

        assertEquals("ON", state("motionAlarm"));
        assertEquals("ON", state("humanAlarm"));
        assertEquals("ON", state("carAlarm"));
        assertEquals(
                List.of(
                        "trigger camalarm:vigi:cam:event MOTION",
                        "trigger camalarm:vigi:cam:event PERSON",
                        "trigger camalarm:vigi:cam:event VEHICLE"),
                events.matching("trigger"));
        assertEquals("VEHICLE", state("lastEventType"));
        assertEquals("2026-11-25T11:00:00.000+00:00", state("lastEventTime"));
        assertEquals("2026-11-25T10:00:00.000+00:00", state("lastSeen"));
        assertEquals("98:BA:5F:8B:10:03", thing.property("macAddress"));
        assertEquals("ONLINE", thing.status().status().name());
    }

    @Test
    void anActiveReportIsHeldLikeAPulseAndItsRepeatsExtendItWithoutANewTrigger() {
        handler.accept(push(Action.ACTIVE, "MOTION"));
        timers.advance(Duration.ofSeconds(8));
        handler.accept(push(Action.ACTIVE, "MOTION")); // Hikvision repeats active about once a second
        timers.advance(Duration.ofSeconds(8));
        assertEquals("ON", state("motionAlarm"));

        timers.advance(Duration.ofSeconds(2));
        assertEquals("OFF", state("motionAlarm"));
        assertEquals(List.of("trigger camalarm:vigi:cam:event MOTION"), events.matching("trigger"));
    }

    @Test
    void theSameDetectionAsStatusThenAsDataIsOneDetectionThatWaitsForItsStop() {
        handler.accept(push(Action.START, "INTRUSION")); // TVT alarm status: perimeterAlarm true
        timers.advance(Duration.ofMillis(600));
        handler.accept(new Alarm(
                Vendor.IVSEC,
                Format.TVT_XML,
                null,
                null,
                null,
                List.of(new AlarmEvent(
                        "PEA",
                        "INTRUSION",
                        Action.ACTIVE,
                        LocalDateTime.of(2026, 11, 25, 11, 0, 1),
                        null,
                        "{\"d\":1}")),
                ImageBytes.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})));

        timers.advance(Duration.ofSeconds(30)); // far beyond the hold time: the status's stop ends it
        assertEquals("ON", state("fieldDetectionAlarm"));
        assertEquals(List.of("trigger camalarm:vigi:cam:event INTRUSION"), events.matching("trigger"));
        assertEquals("{\"d\":1}", state("lastEventData"), "the repeat's richer data is the latest");
        assertEquals("2026-11-25T11:00:01.000+00:00", state("lastEventTime"));
        assertEquals(3, thing.state("image").raw().length());

        handler.accept(push(Action.STOP, "INTRUSION"));
        assertEquals("OFF", state("fieldDetectionAlarm"));
    }

    @Test
    void dataBeforeStatusIsOneDetectionToo() {
        handler.accept(push(Action.ACTIVE, "INTRUSION"));
        handler.accept(push(Action.START, "INTRUSION"));
        timers.advance(Duration.ofSeconds(30));

        assertEquals("ON", state("fieldDetectionAlarm"), "the start now waits for its stop");
        assertEquals(List.of("trigger camalarm:vigi:cam:event INTRUSION"), events.matching("trigger"));
    }

    @Test
    void pulsesAreAlarmsByThemselvesAndTriggerEachTime() {
        handler.accept(push(Action.PULSE, "PERSON"));
        handler.accept(push(Action.PULSE, "PERSON"));

        assertEquals(
                2, events.matching("trigger camalarm:vigi:cam:event PERSON").size());
    }

    @Test
    void aStopForADetectionThatIsNotOnChangesNothing() {
        handler.accept(push(Action.START, "MOTION"));
        handler.accept(push(Action.STOP, "INTRUSION", "COLOR_ABNORMAL"));

        assertEquals("MOTION", state("lastEventType"));
        assertFalse(thing.hasChannel("colorAbnormalAlarm"), "a channel appears with its first alarm");
        assertEquals("ON", state("motionAlarm"));
    }

    @Test
    void nvrDetailsBecomeProperties() {
        handler.accept(new Alarm(
                Vendor.VIGI,
                Format.VIGI_NVR_JSON,
                null,
                null,
                "VIGI NVR1008H",
                List.of(new AlarmEvent("VIGI type 1 sub_type 2", "MOTION", Action.PULSE, null, "3", "{}", "Carport")),
                null,
                "5a7e0c11d2f3"));

        assertEquals("5a7e0c11d2f3", thing.property("deviceId"));
        assertEquals("3", thing.property("nvrChannel"));
        assertEquals("Carport", thing.property("channelName"));
        assertEquals("VIGI NVR1008H", thing.property("deviceName"));
    }

    @Test
    void personOrVehicleClaimsNeitherAlone() {
        handler.accept(push(Action.START, "PERSON_OR_VEHICLE"));

        assertEquals("ON", state("personOrVehicleAlarm"));
        assertEquals("OFF", state("humanAlarm"));
        assertEquals("OFF", state("carAlarm"));
    }

    @Test
    void unknownTypeGetsItsOwnSwitchChannel() {
        assertFalse(thing.hasChannel("smokeDetectAlarm"));

        handler.accept(push(Action.PULSE, "SMOKE_DETECT"));

        assertTrue(thing.hasChannel("smokeDetectAlarm"));
        assertEquals("Switch", thing.channel("smokeDetectAlarm").itemType());
        assertEquals("SMOKE_DETECT", thing.channel("smokeDetectAlarm").label(), "named as the camera names it");
        assertEquals("ON", state("smokeDetectAlarm"));

        handler.accept(push(Action.PULSE, "ALARM")); // a push that names no type: the generic channel
        assertEquals("Alarm", thing.channel("genericAlarm").label());
    }

    @Test
    void aChannelMadeOnTheFlyStartsOffSoItsFirstAlarmIsAChange() {
        handler.accept(push(Action.START, "FIRE"));

        assertEquals(
                List.of("state camalarm:vigi:cam:fireAlarm NULL->OFF", "state camalarm:vigi:cam:fireAlarm OFF->ON"),
                events.matching("state camalarm:vigi:cam:fireAlarm"));
    }

    @Test
    void repeatsMoveTheHoldWithoutATimerEach() {
        handler.accept(push(Action.PULSE, "PERSON")); // the maximum-duration timer and one hold timer
        for (int i = 0; i < 50; i++) {
            timers.advance(Duration.ofMillis(100));
            handler.accept(push(Action.PULSE, "PERSON"));
        }

        assertEquals(2, timers.pending(), "a burst of repeats must not pile up timers");
        timers.advance(Duration.ofSeconds(9)); // 9 s after the last repeat; the first hold timer slept again
        assertEquals("ON", state("humanAlarm"));
        timers.advance(Duration.ofSeconds(1));
        assertEquals("OFF", state("humanAlarm"));
        assertEquals(0, timers.pending());
    }

    @Test
    void aHoldTimerThatFiresAsAStartReplacesItDoesNothing() {
        List<Runnable> scheduled = new ArrayList<>();
        org.camalarm.time.Timers racing = new org.camalarm.time.Timers() {
            @Override
            public java.time.Clock clock() {
                return timers.clock();
            }

            @Override
            public long monotonicMillis() {
                return timers.monotonicMillis();
            }

            @Override
            public Cancellable schedule(Duration delay, Runnable task) {
                scheduled.add(task);
                return () -> {
                    // too late: the task has already started (it waits for the handler's lock)
                };
            }
        };
        CameraHandler raced = new CameraHandler(thing, CameraSettings.of("", 10, 60, new String[0]), racing);
        raced.accept(push(Action.PULSE, "PERSON")); // schedules max timer [0] and hold timer [1]
        raced.accept(push(Action.START, "PERSON")); // now it waits for a stop: the hold is cancelled
        timers.advance(Duration.ofSeconds(11));

        scheduled.get(1).run(); // the cancelled hold timer runs anyway

        assertEquals("ON", state("humanAlarm"), "a started detection must stay ON until its stop");
        assertEquals(2, scheduled.size());
    }

    @Test
    void removingTheThingEndsActiveAlarmsWithOffAndIgnoresLatePushes() {
        handler.accept(push(Action.START, "MOTION"));

        handler.dispose();

        assertEquals("OFF", state("motionAlarm"));
        assertEquals(
                "state camalarm:vigi:cam:motionAlarm ON->OFF",
                events.matching("state camalarm:vigi:cam:motionAlarm").get(1));
        assertEquals(0, timers.pending());
        handler.accept(push(Action.START, "PERSON"));
        assertEquals("OFF", state("humanAlarm"));
    }

    @Test
    void inventedTypesCannotGrowTheThingWithoutBound() {
        int before = thing.channels().size();
        for (int i = 0; i < CameraHandler.MAX_UNMAPPED_CHANNELS + 50; i++) {
            handler.accept(push(Action.PULSE, "INVENTED_" + i));
        }

        assertEquals(
                before + CameraHandler.MAX_UNMAPPED_CHANNELS + 1,
                thing.channels().size());
        assertEquals("ON", state("otherAlarm"));
        assertEquals("INVENTED_113", state("lastEventType"), "nothing reported is dropped");
    }

    @Test
    void snapshotIsKeptByteForByte() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3, (byte) 0xFF, (byte) 0xD9};
        handler.accept(new Alarm(Vendor.VIGI, Format.VIGI_MULTIPART, null, null, null, List.of(), ImageBytes.of(jpeg)));

        assertEquals(ImageBytes.of(jpeg), thing.state("image").raw());
        assertEquals("/camalarm/api/things/camalarm:vigi:cam/image", state("imageUrl"));
        assertEquals("2026-11-25T10:00:00.000+00:00", state("imageTime"));
    }

    @Test
    void detectionsStartOffAndStatusUnknown() {
        assertEquals("OFF", state("motionAlarm"));
        assertEquals("NULL", state("lastEventType"));
        assertEquals("UNKNOWN", thing.status().status().name());
    }

    private CameraHandler cameraWithCredentials(boolean overHttp) {
        return new CameraHandler(
                thing, CameraSettings.of("", 10, 60, new String[0]).withCredentials("cam", "pw", overHttp), timers);
    }

    @Test
    void aCameraWithCredentialsTakesThemOverHttpsOnly() {
        SenderAuthentication auth = new SenderAuthentication(timers);
        CameraHandler camera = cameraWithCredentials(false);
        String right = DigestClient.basic("cam", "pw");

        assertEquals(AuthResult.ACCEPTED, camera.authenticate(auth.presented(right, "POST", "/a", true)));
        assertEquals(
                AuthResult.WRONG,
                camera.authenticate(auth.presented(DigestClient.basic("cam", "x"), "POST", "/a", true)));
        assertEquals(AuthResult.MISSING, camera.authenticate(auth.presented(null, "POST", "/a", true)));
        assertEquals(AuthResult.PLAIN_HTTP, camera.authenticate(auth.presented(right, "POST", "/a", false)));
        assertEquals("Basic", thing.property(CameraHandler.AUTH_SCHEME), "what the camera sends is shown");
    }

    @Test
    void plainHttpIsTakenWhenTheConfigurationSaysSo() {
        SenderAuthentication auth = new SenderAuthentication(timers);

        assertEquals(
                AuthResult.ACCEPTED,
                cameraWithCredentials(true)
                        .authenticate(auth.presented(DigestClient.basic("cam", "pw"), "GET", "/a", false)));
        assertEquals(
                AuthResult.ACCEPTED,
                handler.authenticate(auth.presented(null, "GET", "/a", false)),
                "a camera without credentials needs none");
    }

    @Test
    void eachEventSaysWhetherItBeganOrContinuedADetection() {
        assertEquals(
                List.of(Detection.Phase.BEGAN, Detection.Phase.BEGAN),
                phases(handler.accept(push(Action.PULSE, "PERSON", "MOTION"))));
        timers.advance(Duration.ofSeconds(5));
        List<Detection> repeat = handler.accept(push(Action.PULSE, "PERSON"));
        assertEquals(List.of(Detection.Phase.CONTINUED), phases(repeat));
        assertEquals("humanAlarm", repeat.get(0).channel());
        timers.advance(Duration.ofSeconds(11)); // the hold ran out: the next one is a new detection
        assertEquals(List.of(Detection.Phase.BEGAN), phases(handler.accept(push(Action.PULSE, "PERSON"))));

        handler.accept(push(Action.START, "TAMPER"));
        assertEquals(List.of(Detection.Phase.CONTINUED), phases(handler.accept(push(Action.STOP, "TAMPER"))));
        assertEquals(
                List.of(Detection.Phase.BEGAN), phases(handler.accept(push(Action.STOP, "TAMPER"))), "a stray stop");
        assertEquals(
                List.of(), handler.accept(new Alarm(Vendor.IVSEC, Format.TVT_XML, null, null, null, List.of(), null)));
    }

    private static List<Detection.Phase> phases(List<Detection> detections) {
        return detections.stream().map(Detection::phase).toList();
    }

    @Test
    void restoreGivesBackWhatTheHistoryRemembersButDetectionsStayOff() {
        java.time.ZonedDateTime at = java.time.ZonedDateTime.parse("2026-11-25T09:00:00Z");
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, 7};
        handler.restore(new CameraMemory(
                Map.of("ipAddress", "10.0.0.9", "macAddress", "98:BA:5F:8B:10:03"),
                "PERSON",
                at.minusSeconds(5),
                "{\"event_type\":\"PEOPLE\"}",
                jpeg,
                at,
                at,
                Map.of()));

        assertEquals("PERSON", state("lastEventType"));
        assertEquals("{\"event_type\":\"PEOPLE\"}", state("lastEventData"));
        assertEquals(ImageBytes.of(jpeg), thing.state("image").raw());
        assertEquals("10.0.0.9", thing.property("ipAddress"));
        assertEquals("OFF", state("humanAlarm"));
        assertEquals("UNKNOWN", thing.status().status().name());
    }

    @Test
    void restoreNeverOverwritesWhatACameraPushedFirst() {
        handler.accept(push(Action.PULSE, "MOTION"));
        handler.restore(new CameraMemory(Map.of(), "PERSON", null, null, null, null, null, Map.of()));
        assertEquals("MOTION", state("lastEventType"));
    }

    @Test
    void restoreMakesAgainTheChannelsNewTypesHadMadeAndTheyStayOff() {
        handler.accept(push(Action.PULSE, "MOTION")); // even when the camera pushed first
        handler.restore(new CameraMemory(
                Map.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                Map.of("foobarAlarm", "FOOBAR", "humanAlarm", "PERSON", "otherAlarm", "WHATEVER")));

        assertTrue(thing.hasChannel("foobarAlarm"), "a rule on it finds it before the next FOOBAR");
        assertEquals("OFF", state("foobarAlarm"));
        assertEquals("OFF", state("humanAlarm"));
        assertEquals("Other detections", thing.channel("otherAlarm").label(), "the shared channel's own label");
    }

    @Test
    void theWatchdogTurnsASilentCameraOfflineAndItsNextPushOnline() {
        CameraSettings watched = CameraSettings.of("", 10, 60, new String[0]).withOfflineAfter(Duration.ofSeconds(60));
        CameraHandler camera = new CameraHandler(thing, watched, timers);
        timers.advance(Duration.ofSeconds(59));
        assertEquals("UNKNOWN", thing.status().status().name());
        timers.advance(Duration.ofSeconds(1));
        assertEquals("OFFLINE", thing.status().status().name(), "silent since the start");

        camera.accept(push(Action.PULSE, "PERSON"));
        assertEquals("ONLINE", thing.status().status().name());
        timers.advance(Duration.ofSeconds(40));
        camera.accept(new Alarm(Vendor.IVSEC, Format.TVT_XML, null, null, null, List.of(), null)); // a keepalive counts
        timers.advance(Duration.ofSeconds(40));
        assertEquals("ONLINE", thing.status().status().name());
        timers.advance(Duration.ofSeconds(20));
        assertEquals("OFFLINE", thing.status().status().name());
        assertEquals("COMMUNICATION_ERROR", thing.status().detail().name());
        assertEquals(
                "no push or keepalive for 60 s (offlineAfter 60 s)",
                thing.status().description());

        camera.accept(push(Action.PULSE, "PERSON"));
        assertEquals("ONLINE", thing.status().status().name());
        camera.dispose();
        assertEquals(0, timers.pending(), "dispose ends the watchdog with the alarm timers");
    }

    @Test
    void theWatchdogCountsSilenceAsTimeGoneByNotAsTheClockIsSet() {
        CameraSettings watched = CameraSettings.of("", 10, 60, new String[0]).withOfflineAfter(Duration.ofSeconds(60));
        CameraHandler camera = new CameraHandler(thing, watched, timers);
        Instant start = timers.clock().instant();
        camera.accept(push(Action.PULSE, "PERSON"));
        timers.advance(Duration.ofSeconds(50));
        camera.accept(push(Action.PULSE, "PERSON"));

        timers.setWallClock(start.plus(Duration.ofDays(1))); // a Pi's clock set by NTP after boot
        timers.advance(Duration.ofSeconds(30));
        assertEquals("ONLINE", thing.status().status().name(), "heard 30 s ago, not a day ago");

        timers.setWallClock(start); // and set back
        timers.advance(Duration.ofSeconds(30));
        assertEquals("OFFLINE", thing.status().status().name(), "silent 60 s: not an hour and a day more to wait");
        assertEquals(
                "no push or keepalive for 60 s (offlineAfter 60 s)",
                thing.status().description());
        camera.dispose();
    }
}
