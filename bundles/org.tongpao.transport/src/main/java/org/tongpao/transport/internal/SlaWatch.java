package org.tongpao.transport.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the scan every {@code slaScanSeconds}: pulls tracking from PULL carriers and raises SLA alerts.
 * The SLA shown by the REST API is evaluated on read, so it never waits for this scan.
 */
@Component(service = SlaWatch.class, configurationPid = "org.tongpao.transport")
public class SlaWatch {
    private static final Logger LOG = LoggerFactory.getLogger(SlaWatch.class);

    private final JdbcTransportService transport;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("tongpao-sla-watch"));

    @Activate
    public SlaWatch(@Reference JdbcTransportService transport, TransportConfig config) {
        this.transport = transport;
        int every = Math.max(1, config.slaScanSeconds());
        timer.scheduleWithFixedDelay(this::scanQuietly, every, every, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    /** Runs one scan now (the shell's {@code tongpao:sla --scan}). */
    public ScanResult scan() {
        return transport.scan();
    }

    private void scanQuietly() {
        try {
            ScanResult r = transport.scan();
            if (r.newAlerts() > 0 || r.pullFailures() > 0) {
                LOG.info("SLA scan: {} open shipments, {} events pulled, {} pull failures, {} new alerts", r.shipments(),
                        r.pulled(), r.pullFailures(), r.newAlerts());
            }
        } catch (RuntimeException e) {
            // keep the schedule alive: one failed scan (e.g. the database restarting) must not stop the watch
            LOG.error("SLA scan failed; the next one runs as scheduled", e);
        }
    }
}
