package org.camalarm.alarm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** TVT's base64 pictures cut out of the document before it is parsed. */
class Base64PicturesTest {

    private static final String JPEG = Base64.getEncoder().encodeToString(Bytes.JPEG);

    private static Base64Pictures cut(String xml) {
        return Base64Pictures.cut(xml.getBytes(StandardCharsets.UTF_8), 0);
    }

    private static String document(Base64Pictures pictures) {
        return new String(pictures.document(), StandardCharsets.UTF_8);
    }

    @Test
    void overviewsComeFirstAndTheirTextLeavesTheDocument() {
        Base64Pictures pictures = cut("""
                <config><listInfo><item><targetImageData><targetBase64Data type="string">
                <![CDATA[AAAA]]>
                </targetBase64Data></targetImageData></item></listInfo>
                <sourceDataInfo><sourceBase64Data type="string"><![CDATA[%s]]></sourceBase64Data></sourceDataInfo></config>""".formatted(JPEG));

        assertEquals("""
                <config><listInfo><item><targetImageData><targetBase64Data type="string"></targetBase64Data>\
                </targetImageData></item></listInfo>
                <sourceDataInfo><sourceBase64Data type="string"></sourceBase64Data></sourceDataInfo></config>""", document(pictures));
        assertEquals(2, pictures.pictures().size());
        assertArrayEquals(Bytes.JPEG, pictures.firstJpeg());
        assertEquals("AAAA", new String(pictures.pictures().get(1), StandardCharsets.US_ASCII));
    }

    @Test
    void aCropIsTheSnapshotWhenThereIsNoOverview() {
        Base64Pictures pictures = cut("<config><targetBase64Data>" + JPEG + "</targetBase64Data></config>");

        assertArrayEquals(Bytes.JPEG, pictures.firstJpeg());
    }

    @Test
    void emptyElementsLookalikesAndUnterminatedOnesAreLeftToTheParser() {
        String xml = "<config><sourceBase64Data/><sourceBase64DataLength>3</sourceBase64DataLength>"
                + "<targetBase64Data>QUJD";

        Base64Pictures pictures = cut(xml);

        assertEquals(xml, document(pictures));
        assertNull(pictures.firstJpeg());
    }
}
