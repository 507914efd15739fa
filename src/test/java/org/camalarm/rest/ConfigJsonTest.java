package org.camalarm.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.camalarm.config.AttributeDescription;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigJsonTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Double  | 60.0  | 60", // as Configuration Admin keeps what REST wrote
                "Double  | 60    | 60", // as a file has it
                "Double  | 2.50  | 2.5",
                "Double  | 1e3   | 1000",
                "Integer | 7     | 7",
                "Long    | 0     | 0",
                "Double  | soon  | \"soon\"", // not a number: the text, which the rule's problem names
                "Double  | 1e999999999 | \"1e999999999\"", // no giant number made of it
                "Double  | NaN   | \"NaN\"",
                "Boolean | false | false",
                "Boolean | TRUE  | true",
                "Boolean | maybe | \"maybe\"",
                "String  | 60    | \"60\"",
            })
    void aValueIsTypedAsItsAttributeSays(String type, String stored, String json) {
        assertEquals(json, ConfigJson.value(attribute(type), stored).toString());
    }

    @ParameterizedTest
    @CsvSource({"60.0, 60", "true, true"})
    void typedValuesAsRestWroteThemComeOutAlike(String stored, String json) {
        Object typed = stored.equals("true") ? Boolean.TRUE : Double.valueOf(stored);
        String type = typed instanceof Boolean ? AttributeDescription.BOOLEAN : AttributeDescription.DOUBLE;
        assertEquals(json, ConfigJson.value(attribute(type), typed).toString());
    }

    @ParameterizedTest
    @CsvSource({"hunter2, ******", "'', ''"})
    void aSecretIsNeverShownOnlyWhetherItIsSet(String stored, String json) {
        assertEquals(
                json,
                ConfigJson.value(attribute(AttributeDescription.PASSWORD), stored)
                        .getAsString());
    }

    private static AttributeDescription attribute(String type) {
        return new AttributeDescription("key", "Key", "", type, false, List.of(), Map.of(), false);
    }
}
