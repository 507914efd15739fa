package org.camalarm.hub.log;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.jdt.annotation.NonNull;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warnings and errors of the OSGi Log Service, in the hub's log. Felix SCR, Configuration Admin,
 * Event Admin and FileInstall report through the Log Service, and Felix Log only keeps its last
 * entries in memory: without a reader, a component whose activation failed, an event handler Event
 * Admin gave up on or a file FileInstall could not read would say nothing. Each goes to SLF4J under
 * the reporting bundle's name, with its exception; the entries already kept when the reader
 * appears are said first. Lower levels stay in the Log Service.
 */
public final class LogBridge implements BundleActivator, LogListener {

    private @Nullable ServiceTracker<LogReaderService, LogReaderService> readers;

    @NonNullByDefault({}) // the framework's interfaces say nothing of nullness
    @Override
    public void start(BundleContext context) {
        ServiceTracker<LogReaderService, LogReaderService> tracker =
                new ServiceTracker<>(context, LogReaderService.class, null) {
                    @Override
                    public LogReaderService addingService(ServiceReference<@NonNull LogReaderService> reference) {
                        LogReaderService reader = super.addingService(reference);
                        if (reader != null) {
                            List<LogEntry> kept = new ArrayList<>(Collections.list(reader.getLog()));
                            Collections.reverse(kept); // the log gives the newest first
                            kept.forEach(LogBridge.this::logged);
                            reader.addLogListener(LogBridge.this);
                        }
                        return reader;
                    }

                    @Override
                    public void removedService(
                            ServiceReference<@NonNull LogReaderService> reference, LogReaderService reader) {
                        reader.removeLogListener(LogBridge.this);
                        super.removedService(reference, reader);
                    }
                };
        tracker.open();
        readers = tracker;
    }

    @NonNullByDefault({})
    @Override
    public void stop(BundleContext context) {
        ServiceTracker<LogReaderService, LogReaderService> tracker = readers;
        if (tracker != null) {
            tracker.close();
        }
    }

    @NonNullByDefault({})
    @Override
    public void logged(LogEntry entry) {
        LogLevel level = entry.getLogLevel();
        if (!LogLevel.WARN.implies(level)) {
            return; // INFO, DEBUG, TRACE
        }
        Bundle bundle = entry.getBundle();
        String name = bundle != null && bundle.getSymbolicName() != null ? bundle.getSymbolicName() : "osgi";
        Logger logger = LoggerFactory.getLogger(name);
        if (level == LogLevel.WARN) {
            logger.warn(entry.getMessage(), entry.getException());
        } else {
            logger.error(entry.getMessage(), entry.getException());
        }
    }
}
