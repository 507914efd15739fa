package org.camalarm.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.camalarm.alarm.Alarm.Format;
import org.junit.jupiter.api.Test;

/** A well-formed document nobody knows fires nothing, unless the request says what it means. */
class UnknownDocumentTest {

    @Test
    void anXmlDocumentOfAnotherKindIsNoAlarmEvenWhenThePathNamesAThing() {
        UnknownDocumentException e = assertThrows(
                UnknownDocumentException.class,
                () -> Requests.post()
                        .thing("gate")
                        .contentType("application/xml")
                        .body("<?xml version=\"1.0\"?><ns:ServerStatus xmlns:ns=\"urn:x\"><up>1</up></ns:ServerStatus>")
                        .decode());

        assertEquals("unknown_document", e.error());
        assertEquals("ServerStatus", e.root());
    }

    @Test
    void aJsonDocumentOfAnotherKindIsNoAlarmEither() {
        UnknownDocumentException e = assertThrows(
                UnknownDocumentException.class,
                () -> Requests.post()
                        .thing("gate")
                        .body("{\"motion_alarm\":true,\"io_alarm\":false,\"ai\":{},\"x\":1}")
                        .decode());

        assertEquals(UnknownDocumentException.JSON_OBJECT, e.root(), "the sender's member names are not logged");
    }

    @Test
    void aPathEventTypeOrQueryFieldsSayWhatTheRequestMeans() throws Exception {
        Alarm byPath = Requests.post()
                .thing("gate")
                .pathType("LCD")
                .contentType("application/xml")
                .body("<html/>")
                .decode();
        Alarm byQuery = Requests.post()
                .param("EventType", "PD")
                .body("{\"motion_alarm\":true}")
                .decode();

        assertEquals(Format.FIXED_PATH, byPath.format());
        assertEquals("LINE_CROSSING", byPath.events().get(0).type());
        assertEquals(Format.IVSEC, byQuery.format());
        assertEquals("PERSON", byQuery.events().get(0).type());
    }

    @Test
    void anEmptyJsonObjectCarriesNothingAndStaysAFixedPathPush() throws Exception {
        Alarm push = Requests.post()
                .thing("gate")
                .contentType("application/json")
                .body("{}")
                .decode();

        assertEquals(Format.FIXED_PATH, push.format());
        assertEquals("ALARM", push.events().get(0).type());
    }
}
