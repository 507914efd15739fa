package org.camalarm.hub;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;

/**
 * Starts the embedded camalarm hub: a Felix framework with the bundles this jar carries under
 * {@code bundles/<start level>/}.
 *
 * <p>Configuration comes from {@code conf/} (watched by FileInstall, hot-reloaded) and the hub keeps
 * its own state (framework cache, Configuration Admin store, tokens) in {@code userdata/}. Both are
 * relative to the working directory and overridden by the system properties {@value #CONF_PROPERTY}
 * and {@value #USERDATA_PROPERTY}. Every other framework property (for example
 * {@code org.osgi.service.http.port}) can be given as a system property: Felix falls back to them.
 * The JVM's memory defaults are the hub's own ({@link HubMemory}), each overridable.
 */
public final class HubLauncher {

    static final String CONF_PROPERTY = "camalarm.conf";
    static final String USERDATA_PROPERTY = "camalarm.userdata";
    /** Moves the lenient alarm port of the generated camalarm.server.cfg ({@code lenientPort=${camalarm.lenientPort}}). */
    static final String LENIENT_PORT_PROPERTY = "camalarm.lenientPort";
    /** Moves the UDP alarm port of the generated camalarm.server.cfg ({@code udpPort=${camalarm.udpPort}}). */
    static final String UDP_PORT_PROPERTY = "camalarm.udpPort";

    private static final Pattern BUNDLE_ENTRY = Pattern.compile("bundles/(\\d+)/([^/]+\\.jar)");
    private static final String SERVER_CFG = "camalarm.server.cfg";
    private static final String HUB_PROPERTIES = "hub.properties";
    static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";
    private static final List<String> SLF4J_PACKAGES =
            List.of("org.slf4j", "org.slf4j.event", "org.slf4j.helpers", "org.slf4j.spi");

    private HubLauncher() {}

    public static void main(String[] args) throws Exception {
        commonPoolDefault();
        Path conf = Path.of(System.getProperty(CONF_PROPERTY, "conf"))
                .toAbsolutePath()
                .normalize();
        Path userdata = Path.of(System.getProperty(USERDATA_PROPERTY, "userdata"))
                .toAbsolutePath()
                .normalize();
        createDefaultConfiguration(conf);
        Files.createDirectories(userdata);
        ownerOnly(userdata.resolve("config")); // Configuration Admin's store: device passwords, tokens
        ownerOnly(userdata.resolve("camalarm")); // the tokens, certificate pins and the snapshots
        configureLogging();
        boolean trim = HubMemory.apply();

        Map<String, String> properties = frameworkProperties(conf, userdata);
        HubHttps.Setup https = httpsSetup(userdata);
        properties.putAll(https.properties());
        List<String> busy = HubPorts.busy(HubPorts.of(properties, conf), properties.get("org.apache.felix.http.host"));
        if (!busy.isEmpty()) {
            busy.forEach(HubLauncher::say);
            System.exit(2);
        }
        Framework framework = new FrameworkFactory().newFramework(properties);
        framework.init();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(framework), "camalarm-hub-shutdown"));
        int maxLevel = installBundles(framework.getBundleContext());
        awaitHttps(https);
        framework.start();
        framework.adapt(FrameworkStartLevel.class).setStartLevel(maxLevel, event -> {
            if (trim && event.getType() == FrameworkEvent.STARTLEVEL_CHANGED) {
                HubMemory.trimSoon();
            }
        });
        framework.waitForStop(0);
    }

    /**
     * Creates {@code dir} if needed and lets only this user in: the files in it (which Configuration
     * Admin writes readable by all) are then out of other users' reach. Where the file system has no
     * POSIX permissions, it is left as it is.
     */
    static void ownerOnly(Path dir) throws IOException {
        Files.createDirectories(dir);
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its own access rules apply
        }
    }

    static Map<String, String> frameworkProperties(Path conf, Path userdata) {
        Map<String, String> props = new HashMap<>();
        props.put(Constants.FRAMEWORK_STORAGE, userdata.resolve("cache").toString());
        // bundles come from this jar on every start: a stale cache must never shadow a new build
        props.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        props.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, slf4jExports());
        props.put(CONF_PROPERTY, conf.toString());
        props.put(USERDATA_PROPERTY, userdata.toString());
        props.put("camalarm.frontDoor", "true"); // http://host:port/ leads to the web UI (HubFrontDoor)
        props.put("felix.cm.dir", userdata.resolve("config").toString());
        props.put("felix.fileinstall.dir", conf.toString());
        props.put("felix.fileinstall.filter", ".*\\.(cfg|config)");
        props.put("felix.fileinstall.poll", "1000");
        props.put("felix.fileinstall.noInitialDelay", "true");
        // FileInstall's write-back races its own watcher and can empty a .cfg file (docs/architecture.md)
        props.put("felix.fileinstall.enableConfigSave", "false");
        props.put("felix.fileinstall.log.level", "2");
        setDefault(props, "org.osgi.service.http.port", "8080");
        setDefault(props, LENIENT_PORT_PROPERTY, "8089");
        setDefault(props, UDP_PORT_PROPERTY, "8089");
        String host = System.getProperty("org.apache.felix.http.host");
        if (host != null) {
            props.put("org.apache.felix.http.host", host);
        }
        return props;
    }

    /**
     * SLF4J and its provider are on this launcher's class path (where ServiceLoader finds the provider
     * without an OSGi extender), and the system bundle exports the API packages to the bundles.
     */
    static String slf4jExports() {
        Properties hub = new Properties();
        try (InputStream in = HubLauncher.class.getResourceAsStream(HUB_PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException("the hub jar lacks its " + HUB_PROPERTIES);
            }
            hub.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = hub.getProperty("slf4j.version");
        return SLF4J_PACKAGES.stream().map(p -> p + ";version=" + version).collect(Collectors.joining(","));
    }

    /** HTTPS on {@value HubHttps#DEFAULT_PORT} with a kept self-signed certificate, unless the user chose (HubHttps). */
    private static HubHttps.Setup httpsSetup(Path userdata) {
        try {
            return HubHttps.setup(userdata);
        } catch (IOException e) {
            say("camalarm hub: cannot start: " + e.getMessage());
            System.exit(1);
            throw new IllegalStateException(e); // not reached
        }
    }

    /** Waits for a certificate being made (before the HTTPS connector reads it) and says what HTTPS serves. */
    private static void awaitHttps(HubHttps.Setup https) {
        try {
            say(https.line().join());
        } catch (java.util.concurrent.CompletionException e) {
            Throwable cause = e.getCause();
            say("camalarm hub: cannot start: " + (cause != null ? cause.getMessage() : e.getMessage()));
            System.exit(1);
        }
    }

    private static void setDefault(Map<String, String> props, String key, String value) {
        String given = System.getProperty(key);
        props.put(key, given != null ? given : value);
    }

    /**
     * At least two threads in the JVM's common pool, unless the user chose. The JDK HTTP client hands
     * every answer of an asynchronous request to CompletableFuture's default executor, and with one
     * core or two that is not the common pool (its parallelism is the cores less one) but a new
     * thread per task: at 200 pushes a second the hub started 200 threads a second. Read once, when
     * the pool is first used: before any bundle runs.
     */
    static void commonPoolDefault() {
        if (Runtime.getRuntime().availableProcessors() <= 2) {
            setSystemDefault(COMMON_POOL_PARALLELISM, "2");
        }
    }

    /** slf4j-simple reads system properties only; set readable defaults unless the user chose. */
    private static void configureLogging() {
        setSystemDefault("org.slf4j.simpleLogger.defaultLogLevel", "info");
        setSystemDefault("org.slf4j.simpleLogger.showDateTime", "true");
        setSystemDefault("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
        setSystemDefault("org.slf4j.simpleLogger.showShortLogName", "true");
        setSystemDefault("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        // Jetty's parser says at WARN what a client sent wrong (a URI over 16 KB, too many headers): the
        // client gets its 4xx, and anyone on the network could fill the log with it
        setSystemDefault("org.slf4j.simpleLogger.log.org.eclipse.jetty.http.HttpParser", "error");
        setSystemDefault("org.slf4j.simpleLogger.log.org.apache.felix.http", "warn");
    }

    private static void setSystemDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** On first start there is no conf/: create it with a commented server configuration. */
    static void createDefaultConfiguration(Path conf) throws IOException {
        if (Files.isDirectory(conf)) {
            return;
        }
        Files.createDirectories(conf);
        try (InputStream in = HubLauncher.class.getResourceAsStream(SERVER_CFG)) {
            if (in == null) {
                throw new IOException("the hub jar lacks its default " + SERVER_CFG);
            }
            Files.writeString(conf.resolve(SERVER_CFG), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Installs every bundles/N/*.jar at start level N; returns the highest level. */
    private static int installBundles(BundleContext context) throws IOException, BundleException, URISyntaxException {
        record Entry(int level, String name) {}
        Path self = Path.of(HubLauncher.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<Entry> entries = new ArrayList<>();
        try (JarFile jar = new JarFile(self.toFile())) {
            jar.stream().forEach(e -> {
                Matcher m = BUNDLE_ENTRY.matcher(e.getName());
                if (m.matches()) {
                    entries.add(new Entry(Integer.parseInt(m.group(1)), e.getName()));
                }
            });
            entries.sort(Comparator.comparingInt(Entry::level).thenComparing(Entry::name));
            int maxLevel = 1;
            List<Bundle> toStart = new ArrayList<>();
            for (Entry entry : entries) {
                Bundle bundle;
                JarEntry bundleEntry = jar.getJarEntry(entry.name());
                if (bundleEntry == null) {
                    throw new IOException("the hub jar lost " + entry.name() + " while starting");
                }
                try (InputStream in = jar.getInputStream(bundleEntry)) {
                    bundle = context.installBundle("camalarm-hub:" + entry.name(), in);
                }
                bundle.adapt(BundleStartLevel.class).setStartLevel(entry.level());
                maxLevel = Math.max(maxLevel, entry.level());
                if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                    toStart.add(bundle);
                }
            }
            for (Bundle bundle : toStart) {
                bundle.start(); // persistent: starts once the framework reaches its level
            }
            return maxLevel;
        }
    }

    /**
     * The shutdown hook: SIGTERM or Ctrl-C (a service manager's stop) ends the bundles in order, so the
     * history closes its files. The log says so, else a stop reads like a crash.
     */
    private static void stop(Framework framework) {
        int state = framework.getState();
        if ((state & (Bundle.STARTING | Bundle.ACTIVE)) == 0) {
            return; // stopped already: nothing to do
        }
        boolean running = state == Bundle.ACTIVE; // else still starting: a start that failed said why in one line
        if (running) {
            say("camalarm hub: stopping on a shutdown signal");
        }
        long started = System.nanoTime();
        try {
            framework.stop();
            FrameworkEvent stopped = framework.waitForStop(10_000);
            if (stopped.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                say("camalarm hub: still stopping after 10 s; exiting anyway");
            } else if (running) {
                say("camalarm hub: stopped in " + (System.nanoTime() - started) / 1_000_000 + " ms");
            }
        } catch (BundleException | InterruptedException e) {
            say("camalarm hub: stop failed: " + e);
        }
    }

    /** One line on standard error, for what happens before or after logging exists. */
    static void say(String line) {
        PrintStream err = System.err;
        if (err != null) {
            err.println(line);
        }
    }
}
