package org.camalarm.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MacsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "98-ba-5f-8b-10-03",
                "98:BA:5F:8B:10:03",
                "98ba5f8b1003",
                "98BA.5F8B.1003",
                "98 ba 5f 8b 10 03",
                "98-BA:5f-8B:10-03"
            })
    void anyNotationGivesColonsUpperCase(String mac) {
        assertEquals("98:BA:5F:8B:10:03", Macs.normalise(mac));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "98ba5f8b10",
                "98ba5f8b100304",
                "98ba5f8b100g",
                "98_ba_5f_8b_10_03",
                "98ba5f8b1003\n",
                "٩٨ba5f8b1003",
                "not-a-mac"
            })
    void anythingElseIsNull(String mac) {
        assertNull(Macs.normalise(mac));
    }
}
