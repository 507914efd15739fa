package org.camalarm.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small package-private readers: media types, form bodies, bounded event JSON, client text. */
class HelpersTest {

    @Test
    void mediaTypeReadsQuotedAndPlainParameters() {
        MediaType type = MediaType.parse(" Multipart/Form-Data ; BOUNDARY=\"a \\\"b\\\";c\"; charset=utf-8;junk");

        assertEquals("multipart/form-data", type.type());
        assertEquals(Map.of("boundary", "a \"b\";c", "charset", "utf-8"), type.parameters());
        assertTrue(type.isMultipart());
    }

    @Test
    void mediaTypeKinds() {
        assertTrue(MediaType.parse("application/json; charset=utf-8").isJson());
        assertTrue(MediaType.parse("application/vnd.vigi+json").isJson());
        assertTrue(MediaType.parse("TEXT/XML").isXml());
        assertTrue(MediaType.parse("application/x-www-form-urlencoded").isForm());
        assertEquals(MediaType.NONE, MediaType.parse(null));
        assertEquals("", MediaType.parse(";;=;\"").type());
    }

    @Test
    void formDataDecodesPlusPercentAndKeepsBrokenEscapes() {
        Map<String, List<String>> form =
                FormData.parse("EventType=PD&EventTime=2022-5-26+11%3A5%3A0&bad=%zz%4&flag&&EventType=X"
                        .getBytes(StandardCharsets.UTF_8));

        assertEquals(
                Map.of(
                        "EventType", List.of("PD", "X"),
                        "EventTime", List.of("2022-5-26 11:5:0"),
                        "bad", List.of("%zz%4"),
                        "flag", List.of("")),
                form);
        assertEquals("PD", FormData.first(form, "eventtype"), "names match without regard to case, the first wins");
    }

    @Test
    void aQueryAndAFormBodyDecodeAlike() {
        String pairs = "EventTime=2022-5-26 11:5:0&MACAddress=5C%2DF2&x=a+b";

        assertEquals(FormData.parse(pairs), FormData.parse(pairs.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("2022-5-26 11:5:0"), FormData.parse(pairs).get("EventTime"), "a raw space is a space");
    }

    @Test
    void eventJsonUnderTheLimitIsUnchanged() {
        JsonObject event = JsonParser.parseString("{\"a\":\"é\",\"b\":[1,2]}").getAsJsonObject();

        assertEquals("{\"a\":\"é\",\"b\":[1,2]}", EventJson.of(event));
    }

    @Test
    void eventJsonOverTheLimitCutsLongValuesAndDropsWhatStillDoesNotFit() {
        JsonObject event = new JsonObject();
        event.addProperty("event_type", "PEOPLE");
        event.addProperty("n".repeat(100), 1);
        for (int i = 0; i < 40; i++) {
            event.addProperty("k" + i, "€".repeat(200)); // 602 bytes each, kept: 200 chars < 256
        }

        String json = EventJson.of(event);

        JsonObject cut = JsonParser.parseString(json).getAsJsonObject();
        assertTrue(json.getBytes(StandardCharsets.UTF_8).length <= EventJson.MAX_BYTES, json);
        assertEquals("PEOPLE", cut.get("event_type").getAsString());
        assertEquals(true, cut.get("truncated").getAsBoolean());
        assertEquals(6, cut.size() - 2, json); // (4096 - 24 - 2 - 22) / 610 values fit
    }
}
