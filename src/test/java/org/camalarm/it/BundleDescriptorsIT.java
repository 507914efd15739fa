package org.camalarm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What lets the bundle install into any OSGi hub (Karaf/openHAB as well as the embedded one),
 * read from the built jar: a Metatype description for every configuration, javax.servlet 3.1 with
 * HTTP Whiteboard 1.1, nothing from the JDK imported as a package, and nothing imported that
 * openHAB 4.1 to 5.x or the Karaf feature do not provide (Gson is carried inside).
 */
class BundleDescriptorsIT {

    private static final Set<String> FACTORY_PIDS = Set.of(
            "camalarm.vigi",
            "camalarm.ivsec",
            "camalarm.hikvision",
            "camalarm.shelly",
            "camalarm.2n-relay",
            "camalarm.2n-intercom",
            "camalarm.axis",
            "camalarm.http",
            "camalarm.rule");

    private static JarFile bundle() throws IOException {
        return new JarFile(System.getProperty("camalarm.bundle.jar"));
    }

    @Test
    void everyConfigurationHasItsOwnMetatypeDescription() throws IOException {
        Set<String> factoryPids = new TreeSet<>();
        Set<String> pids = new TreeSet<>();
        Pattern designate = Pattern.compile("<Designate (factoryPid|pid)=\"([^\"]+)\"");
        try (JarFile jar = bundle()) {
            for (var entry : jar.stream()
                    .filter(e -> e.getName().startsWith("OSGI-INF/metatype/"))
                    .toList()) {
                try (InputStream in = jar.getInputStream(entry)) {
                    Matcher m = designate.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    while (m.find()) {
                        (m.group(1).equals("factoryPid") ? factoryPids : pids).add(m.group(2));
                    }
                }
            }
        }
        assertEquals(new TreeSet<>(FACTORY_PIDS), factoryPids);
        assertEquals(Set.of("camalarm.server", "camalarm.mqtt", "camalarm.history"), pids);
    }

    @Test
    void portableImportsAndRequirements() throws IOException {
        Manifest manifest;
        try (JarFile jar = bundle()) {
            manifest = jar.getManifest();
        }
        String imports = manifest.getMainAttributes().getValue("Import-Package");
        String requirements = manifest.getMainAttributes().getValue("Require-Capability");

        assertTrue(imports.contains("javax.servlet;version=\"[3.1,4)\""), imports);
        assertFalse(imports.contains("jakarta."), "a jakarta-only bundle does not resolve in Karaf 4.4: " + imports);
        assertFalse(imports.contains("org.eclipse.jetty"), "no tie to the hub's Jetty: " + imports);
        assertFalse(
                Pattern.compile("(^|,)java\\.").matcher(imports).find(),
                "java.* imports break pre-R8 frameworks: " + imports);
        // thumbnails: javax.imageio comes from the JRE through the system bundle (Felix's default
        // exports, Karaf's etc/jre.properties), which exports it at the Java version: no range may pin it
        Matcher imageio = Pattern.compile("javax\\.imageio[a-z.]*(;[^,]*)?").matcher(imports);
        while (imageio.find()) {
            assertFalse(String.valueOf(imageio.group(1)).contains("version"), imageio.group());
        }
        assertTrue(
                requirements.contains("(osgi.implementation=osgi.http)(version>=1.1.0)(!(version>=2.0.0))"),
                requirements);
        assertTrue(requirements.contains("(osgi.extender=osgi.component)"), requirements);
        assertEquals(null, manifest.getMainAttributes().getValue("Export-Package"), "everything is internal");
        // the MQTT client is only needed with a broker configured: a hub without it runs everything else
        assertTrue(
                imports.contains("org.eclipse.paho.client.mqttv3;version=\"[1.2,2)\";resolution:=optional"), imports);
    }

    /**
     * Packages every hub the bundle is meant for provides: the JDK's {@code javax.*} and XML APIs, OSGi
     * core and compendium services, SLF4J, and Paho (which the Karaf feature brings for the MQTT bridge).
     * Gson is not among them: openHAB 4.1-4.3 ship 2.10.1 and 5.0 ships 2.11.0, older than the bundle needs.
     */
    private static final Pattern PROVIDED_EVERYWHERE =
            Pattern.compile("javax\\..*|org\\.w3c\\..*|org\\.xml\\..*|sun\\.misc|org\\.osgi\\..*|org\\.slf4j(\\..*)?"
                    + "|org\\.eclipse\\.paho\\.client\\.mqttv3(\\..*)?");

    @Test
    void gsonIsCarriedInsideAndEveryImportIsProvidedByOpenHab41To5() throws IOException {
        Manifest manifest;
        boolean carriesGson;
        try (JarFile jar = bundle()) {
            manifest = jar.getManifest();
            carriesGson = jar.getEntry("com/google/gson/Gson.class") != null
                    && jar.getEntry("com/google/gson/Strictness.class") != null;
        }
        String imports = manifest.getMainAttributes().getValue("Import-Package");

        assertTrue(carriesGson, "Gson 2.11+ (Strictness, nesting limit) is inside the bundle");
        for (String imported : imports.split(",(?=[a-z])")) {
            String name = imported.split(";")[0];
            assertTrue(PROVIDED_EVERYWHERE.matcher(name).matches(), "imports " + imported + ": " + imports);
        }
    }
}
