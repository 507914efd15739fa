package org.camalarm.hub;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The hub's memory defaults, set from inside this JVM (the hub never re-executes itself: a test or a
 * service manager that kills the process must kill the hub). With the JVM's own defaults G1 keeps
 * whatever the heap once grew to: the start-up garbage, a burst of alarms. These defaults let it give
 * that back to the operating system: a tighter free-heap band ({@code MinHeapFreeRatio} 10,
 * {@code MaxHeapFreeRatio} 30, applied whenever G1 resizes the heap), a collection a few seconds after the
 * hub has started, and a periodic collection when the heap has been quiet for {@value #PERIODIC_MS} ms
 * ({@code G1PeriodicGCInterval}, which costs nothing under load: any collection restarts its clock).
 *
 * <p>Overridable: a flag given on the command line ({@code -XX:MaxHeapFreeRatio=70}) wins over its
 * default here, another collector than G1 is left alone, and {@code -D}{@value #PROPERTY}{@code =false}
 * turns all of it off. Heap size, collector and thread stacks can only be chosen when the JVM starts:
 * those stay the user's ({@code java -Xmx256m -XX:+UseSerialGC -jar camalarm-hub.jar}).
 */
final class HubMemory {

    static final String PROPERTY = "camalarm.memoryDefaults";
    static final long PERIODIC_MS = 15_000;
    private static final long TRIM_DELAY_S = 3;
    /** Flag and value, in this order: MinHeapFreeRatio may never exceed MaxHeapFreeRatio, not even in between. */
    private static final List<Map.Entry<String, String>> DEFAULTS = List.of(
            Map.entry("MinHeapFreeRatio", "10"),
            Map.entry("MaxHeapFreeRatio", "30"),
            Map.entry("G1PeriodicGCInterval", Long.toString(PERIODIC_MS)));

    private HubMemory() {}

    /** Sets the defaults the user did not choose; returns whether they are on (G1, not turned off). */
    static boolean apply() {
        if ("false".equals(System.getProperty(PROPERTY))) {
            return false;
        }
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (!"true".equals(vm.getVMOption("UseG1GC").getValue())) {
                return false;
            }
            for (Map.Entry<String, String> flag : DEFAULTS) {
                VMOption option = vm.getVMOption(flag.getKey());
                if (option.getOrigin() == VMOption.Origin.DEFAULT && option.isWriteable()) {
                    vm.setVMOption(flag.getKey(), flag.getValue());
                }
            }
            return true;
        } catch (RuntimeException e) { // another JVM without these flags: its own defaults
            HubLauncher.say("camalarm hub: JVM memory defaults not applied: " + e);
            return false;
        }
    }

    /**
     * Once started: the start-up garbage goes, and with it the heap it took (a no-op with
     * -XX:+DisableExplicitGC). A few seconds later, so the pause does not delay the first answers.
     */
    static void trimSoon() {
        CompletableFuture.delayedExecutor(TRIM_DELAY_S, TimeUnit.SECONDS).execute(System::gc);
    }
}
