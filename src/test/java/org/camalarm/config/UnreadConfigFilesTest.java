package org.camalarm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class UnreadConfigFilesTest {

    /** The embedded hub's and Karaf's FileInstall filter. */
    private static final Pattern READ = Pattern.compile(".*\\.(cfg|config)");

    @Test
    void aCamalarmFileWithAnotherExtensionIsNamedWithTheNameItNeeds() {
        assertEquals(
                "never read: camalarm reads files named camalarm.<name>.cfg; rename it camalarm.vigi-shed.cfg",
                UnreadConfigFiles.problem("camalarm.vigi-shed.conf", READ));
        assertEquals(
                "never read: camalarm reads files named camalarm.<name>.cfg; rename it camalarm.vigi-shed.cfg",
                UnreadConfigFiles.problem("camalarm.vigi-shed.cfg.txt", READ));
        assertEquals(
                "never read: camalarm reads files named camalarm.<name>.cfg; rename it camalarm.server.cfg",
                UnreadConfigFiles.problem("camalarm.server", READ));
    }

    @Test
    void readFilesOthersFilesAndBackupsAreLeftAlone() {
        assertNull(UnreadConfigFiles.problem("camalarm.vigi-shed.cfg", READ));
        assertNull(UnreadConfigFiles.problem("camalarm.vigi-shed.config", READ));
        assertNull(UnreadConfigFiles.problem("org.ops4j.pax.logging.cfg", READ));
        assertNull(UnreadConfigFiles.problem("README.txt", READ));
        assertNull(UnreadConfigFiles.problem("camalarm.vigi-shed.cfg~", READ));
        assertNull(UnreadConfigFiles.problem("camalarm.vigi-shed.cfg.swp", READ));
    }
}
