package org.camalarm.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PinStoreTest {

    @TempDir
    Path dir;

    @Test
    void aPinBelongsToTheDeviceAtItsAddressSoAThingPointedElsewhereLearnsAnew() {
        PinStore pins = new PinStore(dir.resolve("pins.properties"));
        pins.save("camalarm:shelly:porch", "192.168.1.20", 443, "AA:BB");

        assertEquals(
                "AA:BB",
                new PinStore(dir.resolve("pins.properties")).pin("camalarm:shelly:porch", "192.168.1.20", 443));
        assertNull(pins.pin("camalarm:shelly:porch", "192.168.1.21", 443), "another device: trust on first use again");
        assertNull(pins.pin("camalarm:shelly:garage", "192.168.1.20", 443), "another thing");
    }

    @Test
    void aPinKeptByThingUidAloneBecomesThePinOfTheAddressTheThingHasAndNoOther() throws Exception {
        Path file = dir.resolve("pins.properties");
        Files.writeString(file, "camalarm\\:shelly\\:porch=AA\\:BB\n");
        PinStore pins = new PinStore(file);

        assertEquals("AA:BB", pins.pin("camalarm:shelly:porch", "192.168.1.20", 0), "the device it was learned from");
        assertNull(pins.pin("camalarm:shelly:porch", "192.168.1.30", 0), "re-pointed later: that device's own");
        assertEquals("AA:BB", new PinStore(file).pin("camalarm:shelly:porch", "192.168.1.20", 0));
    }
}
