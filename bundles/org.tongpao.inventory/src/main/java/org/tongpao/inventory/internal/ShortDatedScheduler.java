package org.tongpao.inventory.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link ShortDatedScan} every {@code shortDatedScanHours} (PID {@code org.tongpao.inventory},
 * default 24; 0 turns it off) on one daemon thread, the first run a minute after activation. A changed
 * interval applies at once (the schedule restarts); a failed run is logged and the next one still runs.
 */
@Component(configurationPid = InventoryComponent.PID, immediate = true)
public class ShortDatedScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(ShortDatedScheduler.class);
    static final long FIRST_RUN_MINUTES = 1;

    private final ShortDatedScan scan;
    private final ScheduledExecutorService executor;
    private ScheduledFuture<?> task;
    private int hours = -1;

    @Activate
    public ShortDatedScheduler(@Reference ShortDatedScan scan, InventoryComponent.Config config) {
        this(scan, config, daemonExecutor());
    }

    ShortDatedScheduler(ShortDatedScan scan, InventoryComponent.Config config, ScheduledExecutorService executor) {
        this.scan = scan;
        this.executor = executor;
        modified(config);
    }

    private static ScheduledExecutorService daemonExecutor() {
        ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "tongpao-short-dated-scan");
            t.setDaemon(true);
            return t;
        });
        ex.setRemoveOnCancelPolicy(true);
        return ex;
    }

    @Modified
    synchronized void modified(InventoryComponent.Config config) {
        int wanted = config.shortDatedScanHours();
        if (wanted < 0) {
            LOG.error("shortDatedScanHours must be zero or more, not {}; using 24", wanted);
            wanted = 24;
        }
        if (wanted == hours) {
            return;
        }
        hours = wanted;
        if (task != null) {
            task.cancel(false);
            task = null;
        }
        if (hours == 0) {
            LOG.info("Short-dated scan schedule is off (shortDatedScanHours = 0)");
            return;
        }
        task = executor.scheduleAtFixedRate(this::runOnce, TimeUnit.MINUTES.toMillis(FIRST_RUN_MINUTES),
                TimeUnit.HOURS.toMillis(hours), TimeUnit.MILLISECONDS);
        LOG.info("Short-dated scan every {} hour(s)", hours);
    }

    /** One scheduled run; never throws, so the schedule survives a failed run. */
    void runOnce() {
        try {
            scan.scan();
        } catch (RuntimeException e) {
            LOG.error("Short-dated scan failed; the next run is in {} hour(s)", hours, e);
        }
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }
}
