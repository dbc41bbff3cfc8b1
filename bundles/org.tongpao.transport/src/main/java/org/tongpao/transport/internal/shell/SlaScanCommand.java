package org.tongpao.transport.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tongpao.transport.internal.ScanResult;
import org.tongpao.transport.internal.SlaWatch;

/** {@code tongpao:sla-scan} — runs the SLA watch now instead of waiting for its schedule. */
@Service
@Command(scope = "tongpao", name = "sla-scan", description = "Pulls tracking and raises SLA alerts now")
public class SlaScanCommand implements Action {

    @Reference
    SlaWatch watch;

    @Override
    public Object execute() {
        ScanResult r = watch.scan();
        System.out.printf("%d open shipments, %d events pulled, %d pull failures, %d new alerts%n", r.shipments(),
                r.pulled(), r.pullFailures(), r.newAlerts());
        return null;
    }
}
