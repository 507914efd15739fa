package org.camalarm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.Color;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.camalarm.push.FakeDevice;
import org.camalarm.push.FakeDevice.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The web UI in a real browser (headless Chromium) against the real hub process: sign-in, live
 * cameras, snapshots, the inbox, device buttons and Test, rules made in the UI, the setup
 * assistant, CSRF, and no JavaScript console error on any page. One hub and one browser for the
 * class; the tests build on each other in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebUiIT {

    static final String PASSWORD = "it-ui-password";

    private Hub hub;
    private Browser browser;
    private FakeDevice relay;
    private String base;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        relay = FakeDevice.http(r -> Reply.of(200, "ok"));
        hub = Hub.withTokens(dir);
        hub.writeConf(
                "camalarm.server.cfg",
                "alarmToken=" + Hub.ALARM_TOKEN + "\napiToken=" + Hub.API_TOKEN + "\nuiPassword=" + PASSWORD
                        + "\nudpPort=" + hub.udpPort + "\n");
        hub.writeConf("camalarm.vigi-frontdoor.cfg", "label=Front door\nholdTime=3\n");
        hub.writeConf("camalarm.hikvision-driveway.cfg", "label=Driveway\nmac=44-19-b6-00-00-01\n");
        hub.writeConf("camalarm.mqtt.cfg", "broker=tcp://127.0.0.1:" + Hub.refusedPort() + "\n");
        hub.writeConf(
                "camalarm.http-relay.cfg",
                "label=Garden relay\nhost=127.0.0.1\nport=" + relay.port()
                        + "\ncommand.post1=POST relay/0?turn=on\ncommand.post2=POST relay/0?turn=off\n");
        hub.writeConf(
                "camalarm.http-dead.cfg",
                "label=Dead lamp\nhost=127.0.0.1\nport=" + Hub.refusedPort() + "\ntimeout=1000\ncommand.on=GET x\n");
        hub.start();
        hub.awaitThing("camalarm:vigi:frontdoor");
        hub.awaitThing("camalarm:hikvision:driveway");
        hub.awaitThing("camalarm:http:relay");
        hub.awaitThing("camalarm:http:dead");
        base = "http://127.0.0.1:" + hub.port;
        browser = Browser.start(dir);
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (hub != null) {
                hub.close();
            }
            if (relay != null) {
                relay.close();
            }
        }
    }

    @AfterEach
    void noConsoleErrors() {
        browser.assertNoConsoleErrors("the pages of this test");
    }

    @Test
    @Order(4)
    void theTimelineListsTheEventWithAThumbnailAndShowsTheFullImage() throws Exception {
        go("#/camera/camalarm:vigi:frontdoor", "cam-timeline");
        String event = "cam-timeline .event[data-state=PERSON]";
        browser.await(10, d -> (Boolean) browser.script(
                "const i = document.querySelector(arguments[0]); return !!i && i.complete && i.naturalWidth > 0",
                event + " img[data-test=thumbnail]"));
        assertEquals("camalarm:vigi:frontdoor", browser.find(event).getAttribute("data-thing-uid"));
        browser.find(event + " button.thumb").click();
        browser.await(
                10,
                d -> (Boolean)
                        browser.script(
                                "const i = document.querySelector('[data-test=full-image]'); return !!i && i.complete && i.naturalWidth === 320"));
        browser.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        browser.await(5, d -> browser.all(".overlay").isEmpty());

        // a type no earlier test sent (the simulated VEHICLE of order 3 may still be going on: a
        // VEHICLE now would extend that event, rightly, not add one)
        int before = browser.all("cam-timeline .event").size();
        assertEquals(200, pushWithSnapshot("/frontdoor", "INTRUSION").statusCode());
        browser.await(5, d -> browser.all("cam-timeline .event").size() > before);
        assertEquals("INTRUSION", browser.find("cam-timeline .event").getAttribute("data-state"), "newest first, live");

        new Select(browser.find("cam-timeline select[name=type]")).selectByVisibleText("PERSON");
        browser.await(
                5,
                d -> browser.all("cam-timeline .event").stream()
                        .allMatch(e -> "PERSON".equals(e.getAttribute("data-state"))));
        assertFalse(browser.all("cam-timeline .event").isEmpty(), "the person events stay");
        new Select(browser.find("cam-timeline select[name=type]")).selectByVisibleText("all");
        browser.await(
                5, d -> browser.all("cam-timeline .event[data-state=INTRUSION]").size() == 1);
    }

    private void go(String hash, String ready) {
        browser.script("location.hash = arguments[0]", hash);
        browser.find(ready);
    }

    @Test
    @Order(1)
    void aWrongPasswordIsRefusedAndAdminSignsInWithTheUiPassword() {
        browser.open(base + "/camalarm/");
        assertTrue(browser.driver.getCurrentUrl().endsWith("/camalarm/ui/"), browser.driver.getCurrentUrl());
        WebElement password = browser.find("form.signin input[name=password]");
        password.sendKeys("wrong");
        browser.find("form.signin button").click();
        assertEquals(
                "Wrong user or password.",
                browser.find("[data-test=signin-error]").getText());
        password.clear();
        password.sendKeys(PASSWORD);
        browser.find("form.signin button").click();
        browser.find("cam-card [data-thing-uid='camalarm:vigi:frontdoor']");
        browser.find("cam-card [data-thing-uid='camalarm:hikvision:driveway']"); // every vendor's camera
        browser.find("[data-live][data-state=open]");
        browser.console(); // the refused sign-in's 401 is expected
    }

    @Test
    @Order(2)
    void aPostedAlarmLightsTheCameraCardWithinTwoSecondsWithoutReloadAndItsSnapshotShows() throws Exception {
        go("#/cameras", "[data-thing-uid='camalarm:vigi:frontdoor']");
        browser.script("window.stillTheSamePage = true");
        String card = "[data-thing-uid='camalarm:vigi:frontdoor']";
        assertEquals("OFF", browser.find(card + " [data-channel-id=humanAlarm]").getAttribute("data-state"));

        assertEquals(200, pushWithSnapshot("/frontdoor", "PEOPLE").statusCode());

        browser.await(
                2,
                d -> "ON"
                        .equals(browser.find(card + " [data-channel-id=humanAlarm]")
                                .getAttribute("data-state")));
        assertEquals("ALARM", browser.find(card).getAttribute("data-state"));
        browser.await(10, d -> (Boolean) browser.script(
                "const i = document.querySelector(arguments[0]); return !!i && i.complete && i.naturalWidth === 320",
                card + " img[data-test=snapshot]"));
        assertEquals(true, browser.script("return window.stillTheSamePage === true"), "the page was not reloaded");
        // holdTime=3: the detection ends by itself, and the card follows
        browser.await(
                15,
                d -> "OFF"
                        .equals(browser.find(card + " [data-channel-id=humanAlarm]")
                                .getAttribute("data-state")));
    }

    @Test
    @Order(3)
    void theCameraPageSimulatesAnAlarmAndShowsTheChannelLit() {
        browser.find("[data-thing-uid='camalarm:vigi:frontdoor']").click();
        browser.find("cam-camera-page [data-thing-uid='camalarm:vigi:frontdoor']");
        new Select(browser.find("[data-test=simulate-type]")).selectByVisibleText("VEHICLE");
        browser.find("[data-action=simulate]").click();
        browser.await(
                2,
                d -> "ON"
                        .equals(browser.find("cam-camera-page .chips [data-channel-id=carAlarm]")
                                .getAttribute("data-state")));
        assertEquals(
                "Simulated VEHICLE", browser.find("[data-test=simulate-result]").getText());
        // lastEventType arrives as its own state update on the live stream, after carAlarm's
        browser.await(
                2,
                d -> "VEHICLE"
                        .equals(browser.find("cam-camera-page [data-channel-id=lastEventType]")
                                .getAttribute("data-state")));
        assertTrue(browser.find("[data-test=read-only]").getText().contains("conf/camalarm.vigi-frontdoor.cfg"));
    }

    @Test
    @Order(5)
    void inboxCamerasAreCountedLiveIgnoredAfterAConfirmAndApprovedWithALabel() throws Exception {
        go("#/cameras", "[data-thing-uid='camalarm:vigi:frontdoor']");
        int before = inboxCount();
        String json = "{\"mac\":\"98-ba-5f-8b-10-99\",\"device_name\":\"InSight S345\","
                + "\"event_list\":[{\"dateTime\":\"20261005150501\",\"event_type\":[\"MOTION\"]}]}";
        assertEquals(200, hub.postJson("", json).statusCode());
        String neighbour = "{\"mac\":\"98-ba-5f-8b-10-98\","
                + "\"event_list\":[{\"dateTime\":\"20261005150502\",\"event_type\":[\"MOTION\"]}]}";
        assertEquals(200, hub.postJson("", neighbour).statusCode());
        browser.await(5, d -> inboxCount() == before + 2); // the nav counts them without a reload

        go("#/inbox", "[data-thing-uid='camalarm:vigi:vigi_98ba5f8b1099']");
        String entry = "[data-thing-uid='camalarm:vigi:vigi_98ba5f8b1099']";
        assertTrue(
                browser.find(entry).getText().contains("MAC address 98:BA:5F:8B:10:99"),
                browser.find(entry).getText());

        // Ignore asks first: Cancel keeps the entry, the second Ignore drops it
        String ignored = "[data-thing-uid='camalarm:vigi:vigi_98ba5f8b1098']";
        browser.find(ignored + " [data-action=ignore]").click();
        browser.find(ignored + " [data-action=cancel]").click();
        browser.find(ignored + " [data-action=ignore]").click();
        browser.find(ignored + " [data-action=confirm-ignore]").click();
        browser.await(5, d -> browser.all(ignored).isEmpty());
        browser.await(5, d -> inboxCount() == before + 1);

        WebElement label = browser.find(entry + " [data-test=approve-label]");
        label.clear();
        label.sendKeys("Carport");
        WebElement id = browser.find(entry + " [data-test=approve-id]"); // known by its MAC: any id will do
        assertEquals("vigi_98ba5f8b1099", id.getAttribute("value"));
        id.clear();
        id.sendKeys("carport");
        browser.find(entry + " [data-action=approve]").click();
        assertTrue(browser.find("[data-test=inbox-message]").getText().contains("camalarm:vigi:carport"));
        browser.await(5, d -> inboxCount() == before);
        go("#/cameras", "[data-thing-uid='camalarm:vigi:carport']");
        browser.await(
                10,
                d -> browser.find("[data-thing-uid='camalarm:vigi:carport'] h2")
                        .getText()
                        .equals("Carport"));
    }

    /** The number beside Inbox in the navigation; 0 when none is shown. */
    private int inboxCount() {
        List<WebElement> count = browser.all("[data-nav=inbox] [data-test=inbox-count]");
        return count.isEmpty() ? 0 : Integer.parseInt(count.get(0).getText().strip());
    }

    @Test
    @Order(6)
    void aDeviceButtonReachesTheRelayAndTestShowsSuccessOrTheReason() {
        go("#/devices", "[data-thing-uid='camalarm:http:relay']");
        assertTrue(browser.all("[data-thing-uid='camalarm:hikvision:driveway']").isEmpty(), "a camera is no device");
        String broker = "cam-device-card [data-thing-uid='camalarm:mqtt:broker']";
        assertTrue(
                browser.find(broker).getText().contains("Broker tcp://127.0.0.1:"),
                browser.find(broker).getText());
        assertTrue(browser.all(broker + " [data-action=test]").isEmpty(), "the broker takes no command");
        int before = relay.requests().size();
        String card = "cam-device-card [data-thing-uid='camalarm:http:relay']";
        String label = browser.find(card + " button[data-channel-id=post1]").getText();
        assertTrue(label.startsWith("POST ") && label.endsWith("relay/0?turn=on"), "the command's label: " + label);
        browser.find(card + " button[data-channel-id=post1]").click();
        browser.await(10, d -> relay.requests().size() > before);
        assertEquals("POST /relay/0?turn=on", relay.requests().get(before).line());
        browser.await(
                10, d -> browser.find(card + " [data-test=result]").getText().startsWith("OK"));

        browser.find(card + " [data-action=test]").click();
        browser.await(
                10, d -> browser.find(card + " [data-test=result]").getText().equals("Test Success!"));

        String dead = "cam-device-card [data-thing-uid='camalarm:http:dead']";
        browser.find(dead + " [data-action=test]").click();
        String failure = browser.await(15, d -> {
            String text = browser.find(dead + " [data-test=result]").getText();
            return text.startsWith("Error!") ? text : null;
        });
        assertTrue(failure.contains("UNREACHABLE") && failure.contains("refused") && failure.contains(" ms"), failure);
        browser.await(
                10,
                d -> browser.find(dead + " [data-channel-id=lastResult]")
                                .getText()
                                .contains("UNREACHABLE")
                        && browser.all(dead + " [data-test=status-description]").isEmpty()); // the reason once
    }

    @Test
    @Order(7)
    void aRuleMadeInTheUiFiresOnTheNextAlarm() throws Exception {
        go("#/rules", "[data-action=new-rule]");
        browser.find("[data-action=new-rule]").click();
        browser.find("[data-test=rule-form] input[name=ruleId]").sendKeys("carlight");
        new Select(browser.find("[data-test=rule-form] select[name=when]"))
                .selectByValue("camalarm:vigi:frontdoor:humanAlarm");
        new Select(browser.find("[data-test=rule-form] select[name=state]")).selectByValue("ON");
        new Select(browser.find("[data-test=rule-form] select[name=then]")).selectByValue("camalarm:http:relay:post2");
        new Select(browser.find("[data-test=rule-form] select[name=command]")).selectByValue("post2");
        browser.find("[data-test=rule-form] [data-action=save]").click();
        browser.find("[data-rule-id=carlight][data-state=ENABLED]");
        assertEquals(
                "Front door · Person",
                browser.find("[data-rule-id=carlight] [data-test=when]").getText());
        String then = browser.find("[data-rule-id=carlight] [data-test=then]").getText();
        assertTrue(then.startsWith("Garden relay · POST ") && then.endsWith("relay/0?turn=off"), then);
        await(() -> "OFF".equals(hub.state("camalarm:vigi:frontdoor", "humanAlarm")));

        int before = relay.requests().size();
        assertEquals(200, hub.postJson("/frontdoor", vigi("PEOPLE")).statusCode());

        browser.await(
                10,
                d -> relay.requests().stream()
                        .skip(before)
                        .anyMatch(r -> r.line().startsWith("POST /relay/0?turn=off")));
        browser.await(
                10,
                d -> browser.find("[data-rule-id=carlight] [data-test=last-result]")
                                .getText()
                                .equals("OK")
                        || browser.find("[data-rule-id=carlight] [data-test=last-result]")
                                .getText()
                                .startsWith("OK "));
        assertTrue(browser.find("[data-rule-id=carlight] [data-test=last-fired]")
                .getText()
                .contains("(ON)"));

        // a second rule with the same id: told beside the Id, the form kept to change it
        browser.find("[data-action=new-rule]").click();
        browser.find("[data-test=rule-form] input[name=ruleId]").sendKeys("carlight");
        new Select(browser.find("[data-test=rule-form] select[name=when]"))
                .selectByValue("camalarm:vigi:frontdoor:humanAlarm");
        new Select(browser.find("[data-test=rule-form] select[name=then]")).selectByValue("camalarm:http:relay:post2");
        browser.find("[data-test=rule-form] [data-action=save]").click();
        assertEquals(
                "is already used by another rule",
                browser.find("[data-test=rule-form] [data-problem=id]").getText());
        browser.console(); // the refused POST's 409 is expected
        browser.find("[data-test=rule-form] button[type=button]").click(); // Cancel

        // a rule whose camera is gone keeps its trigger when edited for something else
        assertEquals(
                201,
                hub.api(
                                "POST",
                                "rules",
                                "{\"id\":\"orphan\",\"when\":\"camalarm:vigi:backyard_gate_camera_west_side:humanAlarm\","
                                        + "\"then\":\"camalarm:http:relay:post2\",\"command\":\"post2\"}")
                        .statusCode());
        go("#/rules", "[data-rule-id=orphan]");
        browser.find("[data-rule-id=orphan] [data-action=edit]").click();
        assertEquals(
                "camalarm:vigi:backyard_gate_camera_west_side:humanAlarm",
                browser.find("[data-test=rule-form] select[name=when]").getAttribute("value"));
        browser.find("[data-test=rule-form] input[name=interval]").sendKeys("30");
        browser.find("[data-test=rule-form] [data-action=save]").click();
        browser.await(
                10,
                d -> browser.all("[data-rule-id=orphan]").stream()
                        .anyMatch(rule -> rule.getText().contains("At most every 30 s")));
        assertTrue(
                browser.find("[data-rule-id=orphan] [data-test=when]").getText().contains("backyard_gate"),
                browser.find("[data-rule-id=orphan] [data-test=when]").getText());

        // Disable and Enable keep the rest of the rule as it is
        browser.find("[data-rule-id=orphan] [data-action=toggle]").click();
        browser.find("[data-rule-id=orphan][data-state=DISABLED]");
        JsonObject disabled = JsonParser.parseString(
                        hub.api("GET", "rules/orphan", null).body())
                .getAsJsonObject()
                .getAsJsonObject("configuration");
        assertEquals("false", disabled.get("enabled").toString(), disabled.toString());
        assertEquals("30", disabled.get("interval").toString(), disabled.toString());
        browser.find("[data-rule-id=orphan] [data-action=toggle]").click();
        browser.find("[data-rule-id=orphan][data-state=ENABLED]");
        assertTrue(browser.find("[data-rule-id=orphan]").getText().contains("At most every 30 s"));
        // kept: the phone-width check of every page below sees its raw UID wrap
    }

    @Test
    @Order(8)
    void theActivityPageShowsWhatDevicesAndRulesDidAndNewCommandsLive() throws Exception {
        // from the device card: the dead lamp's failed Test (order 6), with its reason
        go("#/devices", "[data-thing-uid='camalarm:http:dead'] [data-test=device-history]");
        browser.find("[data-thing-uid='camalarm:http:dead'] [data-test=device-history]")
                .click();
        String failed = "cam-activity-page .event[data-kind=push][data-state=ERROR]";
        String outcome = browser.await(10, d -> {
            List<WebElement> rows = browser.all(failed + " [data-test=outcome]");
            return rows.isEmpty() ? null : rows.get(0).getText();
        });
        assertTrue(outcome.startsWith("UNREACHABLE: ") && outcome.contains("refused"), outcome);
        assertTrue(
                browser.find(failed).getText().contains("Dead lamp"),
                browser.find(failed).getText());
        assertTrue(
                browser.all("cam-activity-page .event:not([data-thing-uid='camalarm:http:dead'])")
                        .isEmpty(),
                "only the chosen thing's events");

        // all things, rule firings only: the carlight rule fired on the front door's person (order 7)
        new Select(browser.find("cam-activity-page select[name=thing]")).selectByValue("");
        browser.await(5, d -> browser.script("return location.hash").equals("#/activity"));
        new Select(browser.find("cam-activity-page select[name=kind]")).selectByValue("rule");
        String rule = browser.await(10, d -> {
            List<WebElement> rows = browser.all("cam-activity-page .event[data-kind=rule][data-state=OK]");
            return rows.isEmpty() ? null : rows.get(0).getText();
        });
        assertTrue(
                rule.contains("Rule carlight: Front door · Person ON → Garden relay · POST ")
                        && rule.contains("turn=off"),
                rule);
        assertTrue(browser.all("cam-activity-page .event:not([data-kind=rule])").isEmpty(), "only rule firings");

        // device commands: one sent now appears at the top without a reload
        new Select(browser.find("cam-activity-page select[name=kind]")).selectByValue("push");
        browser.find("cam-activity-page .event[data-kind=push]");
        int before = browser.all("cam-activity-page .event").size();
        assertEquals(
                200,
                hub.api("POST", "things/camalarm:http:relay/channels/post1", "{\"command\":\"ON\"}")
                        .statusCode());
        browser.await(10, d -> browser.all("cam-activity-page .event").size() > before);
        WebElement newest = browser.find("cam-activity-page .event");
        assertEquals("camalarm:http:relay", newest.getAttribute("data-thing-uid"), "newest first, live");
        assertEquals("OK", newest.getAttribute("data-state"));
        assertTrue(
                newest.getText().contains("Garden relay · POST ")
                        && newest.getText().contains("turn=on"),
                newest.getText());
    }

    @Test
    @Order(8)
    void aStateChangingCallWithTheCookieButWithoutTheCsrfTokenIsRefused() throws Exception {
        go("#/cameras", "[data-thing-uid='camalarm:vigi:frontdoor']");
        // FACE: no other test lights faceDetected, so an accepted call would show here
        Object status = browser.asyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/camalarm/api/things/camalarm:vigi:frontdoor/simulate', {method: 'POST',"
                + " credentials: 'same-origin', body: '{\"type\":\"FACE\"}'}).then(r => done(r.status));");
        assertEquals(403L, status);
        assertEquals("OFF", hub.state("camalarm:vigi:frontdoor", "faceDetected"), "the refused call lit nothing");
        assertEquals(
                "OFF",
                browser.find("[data-thing-uid='camalarm:vigi:frontdoor'] [data-channel-id=faceDetected]")
                        .getAttribute("data-state"));
        browser.console(); // the refused call's 403 is expected
    }

    @Test
    @Order(9)
    void theSetupAssistantShowsWhatToTypeAndSeesTheFirstPush() throws Exception {
        go("#/add/camera", "[data-type='camalarm:vigi']");
        browser.find("[data-type='camalarm:vigi']").click();
        browser.find("form.thing-form input[name=thingId]");
        browser.driver.navigate().back(); // the chosen type is in the address: Back returns to the types
        browser.find("[data-type='camalarm:vigi']").click();
        WebElement id = browser.find("form.thing-form input[name=thingId]");
        id.sendKeys("frontdoor"); // taken
        browser.find("form.thing-form input[name=label]").sendKeys("Porch");
        WebElement hold = browser.find("form.thing-form input[name=holdTime]");
        hold.sendKeys("ten");
        browser.find("form.thing-form [data-action=save]").click();
        // the browser's number field refuses "ten" itself; a bad value the server sees comes back per key
        browser.script("document.querySelector('form.thing-form input[name=holdTime]').type = 'text';"
                + "document.querySelector('form.thing-form input[name=holdTime]').value = 'ten'");
        browser.find("form.thing-form [data-action=save]").click();
        // the taken id and the bad value at once, each beside its field
        assertEquals("is not a number", browser.find("[data-problem=holdTime]").getText());
        assertEquals(
                "is already used by Front door (camalarm:vigi:frontdoor)",
                browser.find("[data-problem=thingId]").getText());
        assertEquals(
                "Fix the values marked above.",
                browser.find("[data-test=form-error]").getText());
        browser.console(); // the refused POST's 409 is expected
        Path shots = Path.of(System.getProperty("ui.screenshots", "target/screenshots"));
        browser.screenshot(shots.resolve("add-problems.png"), 1280, "[data-problem=thingId]");
        long wide = browser.screenshot(shots.resolve("add-problems-375.png"), 375, "[data-problem=thingId]");
        assertTrue(wide <= 375, "the form with its problems is " + wide + " px wide on a 375 px phone");
        id.clear();
        id.sendKeys("porch");
        browser.script("document.querySelector('form.thing-form input[name=holdTime]').value = '5'");
        browser.find("form.thing-form [data-action=save]").click();

        browser.find("[data-vendor=vigi]");
        assertEquals("127.0.0.1", browser.find("[data-setup=host]").getText());
        assertEquals(String.valueOf(hub.port), browser.find("[data-setup=port]").getText());
        assertEquals(
                "/camalarm/alarm/<alarmToken>/porch",
                browser.find("[data-setup=path]").getText());
        assertFalse(browser.find("[data-copy=path]").isEnabled(), "the placeholder is not for copying");
        assertTrue(browser.all("[data-copy=protocol]").isEmpty(), "a fixed word needs no copy button");
        browser.find("[data-action=reveal]").click();
        browser.await(
                5,
                d -> browser.find("[data-setup=path]")
                        .getText()
                        .equals("/camalarm/alarm/" + Hub.ALARM_TOKEN + "/porch"));
        assertTrue(browser.find("[data-copy=path]").isEnabled());
        assertEquals("WAITING", browser.find("[data-test=first-push]").getAttribute("data-state"));

        hub.awaitThing("camalarm:vigi:porch");
        assertEquals(200, hub.postJson("/porch", vigi("PEOPLE")).statusCode());
        browser.await(
                5, d -> "ARRIVED".equals(browser.find("[data-test=first-push]").getAttribute("data-state")));

        // a thing's own pages are under the list it is in, not under Add
        assertEquals("page", browser.find("[data-nav=cameras]").getAttribute("aria-current"));
        go("#/edit/camalarm:vigi:porch", "form.thing-form");
        assertEquals("page", browser.find("[data-nav=cameras]").getAttribute("aria-current"));
        go("#/edit/camalarm:http:relay", "cam-add-page");
        assertEquals("page", browser.find("[data-nav=devices]").getAttribute("aria-current"));
        browser.find("form.thing-form[data-type='camalarm:http']"); // the relay's form, not the camera's just before
    }

    @Test
    @Order(9)
    void aPushTheCamerasSettingsRefuseIsShownWhileTheSetupWaitsAndOnItsPageUntilOneGetsThrough() throws Exception {
        hub.writeConf(
                "camalarm.ivsec-locked.cfg", "label=Locked\nusername=cam\npassword=pw\ncredentialsOverHttp=true\n");
        hub.awaitThing("camalarm:ivsec:locked");
        go("#/setup/camalarm:ivsec:locked", "[data-vendor=ivsec]");
        assertEquals("WAITING", browser.find("[data-test=first-push]").getAttribute("data-state"));
        assertEquals("cam", browser.find("[data-setup=username]").getText(), "the camera's own user to type");
        assertEquals("HTTP", browser.find("[data-setup=protocol]").getText(), "credentialsOverHttp: plain HTTP");

        assertEquals(401, hub.postJson("/locked", vigi("PEOPLE")).statusCode());

        String refused = browser.await(10, d -> {
            List<WebElement> shown = browser.all("[data-test=first-push] [data-test=refused]");
            return shown.isEmpty() ? null : shown.get(0).getText();
        });
        assertTrue(
                refused.startsWith("A push arrived but was refused: ")
                        && refused.endsWith(
                                " from 127.0.0.1: it sent no credentials, and this camera has a username and password (401)"),
                refused);
        assertEquals("WAITING", browser.find("[data-test=first-push]").getAttribute("data-state"));

        go("#/camera/camalarm:ivsec:locked", "cam-camera-page [data-test=refused]");
        String basic =
                "Basic " + java.util.Base64.getEncoder().encodeToString("cam:pw".getBytes(StandardCharsets.UTF_8));
        assertEquals(
                200,
                hub.raw(HttpRequest.newBuilder(hub.uri("/camalarm/alarm/" + Hub.ALARM_TOKEN + "/locked"))
                                .header("Authorization", basic)
                                .header("Content-Type", "application/json")
                                .POST(BodyPublishers.ofString(vigi("PEOPLE")))
                                .build())
                        .statusCode());
        browser.await(
                10, d -> browser.all("cam-camera-page [data-test=refused]").isEmpty()); // it got through
    }

    @Test
    @Order(9)
    void theSetupAssistantOfAnIvsecCameraGivesTheHttpAndTheUdpValues() throws Exception {
        hub.writeConf("camalarm.ivsec-gate.cfg", "label=Gate\n");
        hub.awaitThing("camalarm:ivsec:gate");
        go("#/setup/camalarm:ivsec:gate", "[data-vendor=ivsec]");
        assertEquals(String.valueOf(hub.port), browser.find("[data-setup=port]").getText());
        assertEquals(
                String.valueOf(hub.udpPort),
                browser.find("[data-setup=udpPort]").getText());
        assertEquals("UDP", browser.find("[data-setup=udpProtocol]").getText());
        assertEquals(
                "camalarm/alarm/<alarmToken>/gate",
                browser.find("[data-setup=udpPath]").getText());

        // with a username and password it pushes over HTTPS only: no plain lenient or UDP port offered
        hub.writeConf("camalarm.ivsec-vault.cfg", "label=Vault\nusername=cam\npassword=pw\n");
        hub.awaitThing("camalarm:ivsec:vault");
        go("#/setup/camalarm:ivsec:vault", "[data-vendor=ivsec]");
        assertEquals("HTTPS", browser.find("[data-setup=protocol]").getText());
        assertTrue(browser.all("[data-setup=udpPort]").isEmpty(), "no UDP for a camera with credentials");
        assertFalse(
                browser.find("[data-vendor=ivsec]").getText().contains("lenient port"),
                browser.find("[data-vendor=ivsec]").getText());
    }

    @Test
    @Order(9)
    void deletingADeviceOrACameraNamesTheRulesThatUseItAndKeepsThem() throws Exception {
        Path shots = Path.of(System.getProperty("ui.screenshots", "target/screenshots"));
        assertEquals(
                201,
                hub.api(
                                "POST",
                                "things",
                                "{\"UID\":\"camalarm:http:porchlamp\",\"label\":\"Porch lamp\",\"configuration\":"
                                        + "{\"host\":\"127.0.0.1\",\"port\":\"" + Hub.refusedPort()
                                        + "\",\"command.on\":\"GET on\"}}")
                        .statusCode());
        assertEquals(
                201,
                hub.api("POST", "things", "{\"UID\":\"camalarm:vigi:shed\",\"label\":\"Shed\"}")
                        .statusCode());
        for (String rule : List.of("porch-light", "porch-siren")) {
            assertEquals(
                    201,
                    hub.api(
                                    "POST",
                                    "rules",
                                    "{\"id\":\"" + rule + "\",\"when\":\"camalarm:vigi:frontdoor:humanAlarm\","
                                            + "\"then\":\"camalarm:http:porchlamp:on\",\"command\":\"ON\"}")
                            .statusCode());
        }
        hub.awaitThing("camalarm:http:porchlamp");
        hub.awaitThing("camalarm:vigi:shed");

        // a device, from its edit page: the rules are named; Cancel keeps it
        go("#/edit/camalarm:http:porchlamp", "form.thing-form [data-action=delete]");
        browser.find("form.thing-form [data-action=delete]").click();
        browser.await(5, d -> browser.find("[data-test=rules-using]").getText().contains("porch-siren"));
        assertEquals(
                "Rules porch-light, porch-siren use it: they stay, and do nothing until a thing "
                        + "camalarm:http:porchlamp exists again.",
                browser.find("[data-test=rules-using]").getText());
        browser.screenshot(shots.resolve("delete-device.png"), 1280, "cam-delete-confirm");
        long wide = browser.screenshot(shots.resolve("delete-device-375.png"), 375, "cam-delete-confirm");
        assertTrue(wide <= 375, "the confirmation is " + wide + " px wide on a 375 px phone");
        browser.find("[data-test=delete-confirm] [data-action=cancel]").click();
        browser.await(5, d -> browser.all("[data-test=delete-confirm]").isEmpty());
        assertEquals(200, hub.api("GET", "things/camalarm:http:porchlamp", null).statusCode());

        browser.find("form.thing-form [data-action=delete]").click();
        browser.find("[data-test=rules-using]");
        browser.find("[data-test=delete-confirm] [data-action=confirm-delete]").click();
        browser.await(5, d -> "#/devices".equals(browser.script("return location.hash")));
        assertEquals(404, hub.api("GET", "things/camalarm:http:porchlamp", null).statusCode());
        assertEquals(200, hub.api("GET", "rules/porch-light", null).statusCode(), "the rules stay");

        // a camera no rule uses, from its page
        go("#/camera/camalarm:vigi:shed", "[data-thing-uid='camalarm:vigi:shed'] [data-action=delete]");
        browser.find("[data-thing-uid='camalarm:vigi:shed'] [data-action=delete]")
                .click();
        browser.await(5, d -> browser.find("[data-test=rules-using]").getText().equals("No rule uses it."));
        browser.screenshot(shots.resolve("delete-camera.png"), 1280, "cam-delete-confirm");
        assertTrue(browser.screenshot(shots.resolve("delete-camera-375.png"), 375, "cam-delete-confirm") <= 375);
        browser.find("[data-test=delete-confirm] [data-action=confirm-delete]").click();
        browser.await(5, d -> "#/cameras".equals(browser.script("return location.hash")));
        assertEquals(404, hub.api("GET", "things/camalarm:vigi:shed", null).statusCode());
        for (String rule : List.of("porch-light", "porch-siren")) {
            assertEquals(204, hub.api("DELETE", "rules/" + rule, null).statusCode());
        }
    }

    @Test
    @Order(10)
    void everyPageLoadsWithoutConsoleErrorsAndScreenshotsAreTaken() throws Exception {
        Path shots = Path.of(System.getProperty("ui.screenshots", "target/screenshots"));
        assertEquals(
                200,
                push("/carport", "MOTION", Scenes.yard("CARPORT", new Color(120, 150, 190), false))
                        .statusCode());
        assertEquals(
                200,
                push("/porch", "MOTION", Scenes.yard("PORCH", new Color(40, 60, 110), false))
                        .statusCode());
        assertEquals(
                200,
                push("/frontdoor", "PEOPLE", Scenes.yard("FRONT DOOR", new Color(110, 150, 200), true))
                        .statusCode());
        String garage = "{\"ip\":\"192.168.0.107\",\"mac\":\"98-ba-5f-8b-10-07\",\"device_name\":\"Garage\","
                + "\"event_list\":[{\"dateTime\":\"20261005150501\",\"event_type\":[\"PEOPLE\"]}]}";
        assertEquals(200, hub.postJson("", garage).statusCode()); // the inbox shows a camera waiting
        // an NVR channel's long id, on the Inbox and Activity pages of a phone
        assertEquals(
                200,
                hub.postJson("/hikvision_a6639ef80109_nvr_backyard_channel_12", vigi("PEOPLE"))
                        .statusCode());
        List<String[]> pages = List.of(
                new String[] {"cameras", "#/cameras", "cam-card img[data-test=snapshot]"},
                new String[] {"camera", "#/camera/camalarm:vigi:frontdoor", "cam-timeline"},
                new String[] {"activity", "#/activity", "cam-activity-page .event[data-kind=rule]"},
                new String[] {"inbox", "#/inbox", "cam-inbox-page .inbox-entry"},
                new String[] {"devices", "#/devices", "cam-device-card"},
                new String[] {"rules", "#/rules", "[data-rule-id=carlight]"},
                new String[] {"add", "#/add", "[data-type='camalarm:shelly']"},
                new String[] {"setup", "#/setup/camalarm:vigi:porch", "[data-vendor=vigi]"});
        for (String[] page : pages) {
            go(page[1], page[2]);
            browser.assertNoConsoleErrors(page[1]);
            browser.screenshot(shots.resolve(page[0] + ".png"), 1280);
            long wide = browser.screenshot(shots.resolve(page[0] + "-375.png"), 375);
            assertTrue(wide <= 375, page[1] + " is " + wide + " px wide on a 375 px phone");
        }
        browser.find("[data-action=signout]").click();
        browser.find("form.signin");
        browser.screenshot(shots.resolve("signin.png"), 1280);
    }

    private static String vigi(String type) {
        return "{\"mac\":\"98-ba-5f-8b-10-03\",\"event_list\":[{\"dateTime\":\"20261005150501\",\"event_type\":[\""
                + type + "\"]}]}";
    }

    private java.net.http.HttpResponse<String> pushWithSnapshot(String path, String type) throws Exception {
        return push(path, type, Jpegs.snapshot(320, 180, new Color(40, 90, 140)));
    }

    private java.net.http.HttpResponse<String> push(String path, String type, byte[] jpeg) throws Exception {
        return hub.push(
                "POST",
                path,
                "multipart/form-data; boundary=ReportEventBoundary",
                BodyPublishers.ofByteArray(Jpegs.vigiMultipart(vigi(type), jpeg)));
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(condition);
    }
}
