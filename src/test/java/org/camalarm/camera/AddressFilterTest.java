package org.camalarm.camera;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AddressFilterTest {

    @Test
    void singleAddressesAndBlocks() {
        AddressFilter filter = AddressFilter.parse(new String[] {"192.168.1.20, 10.0.0.0/8", "fd00::/8"});

        assertTrue(filter.allows("192.168.1.20"));
        assertFalse(filter.allows("192.168.1.21"));
        assertTrue(filter.allows("10.200.3.4"));
        assertFalse(filter.allows("11.0.0.1"));
        assertTrue(filter.allows("fd12::1"));
        assertTrue(filter.allows("::ffff:10.1.2.3"), "IPv4-mapped IPv6 is the IPv4 address");
        assertFalse(filter.allows("not-an-address"));
    }

    @Test
    void oddPrefixLengths() {
        AddressFilter filter = AddressFilter.parse(new String[] {"192.168.1.64/27"});

        assertTrue(filter.allows("192.168.1.64"));
        assertTrue(filter.allows("192.168.1.95"));
        assertFalse(filter.allows("192.168.1.96"));
        assertFalse(filter.allows("192.168.1.63"));
    }

    @Test
    void emptyAllowsEveryone() {
        assertTrue(AddressFilter.parse(new String[0]).allows("203.0.113.9"));
        assertTrue(AddressFilter.parse(new String[] {" "}).allows("203.0.113.9"));
    }

    @Test
    void badEntriesAreRefusedWithTheEntryNamedAndNoDnsLookUp() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> AddressFilter.parse(new String[] {"camera.example.com"}));
        assertTrue(e.getMessage().contains("camera.example.com"));
        assertThrows(IllegalArgumentException.class, () -> AddressFilter.parse(new String[] {"10.0.0.0/33"}));
        assertThrows(IllegalArgumentException.class, () -> AddressFilter.parse(new String[] {"10.0.0.0/x"}));
    }
}
