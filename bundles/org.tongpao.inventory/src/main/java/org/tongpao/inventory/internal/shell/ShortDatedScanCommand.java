package org.tongpao.inventory.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tongpao.inventory.internal.ShortDatedScan;

/** {@code tongpao:short-dated-scan} — runs the daily short-dated and expiry scan now. */
@Service
@Command(scope = "tongpao", name = "short-dated-scan",
        description = "Runs the short-dated and expiry scan now: announces newly short-dated lots once, marks lots past expiry EXPIRED")
public class ShortDatedScanCommand implements Action {

    @Reference
    ShortDatedScan scan;

    @Override
    public Object execute() {
        ShortDatedScan.Result r = scan.scan();
        System.out.println(r.flagged() + " lot(s) flagged short-dated, " + r.expired() + " marked EXPIRED");
        return null;
    }
}
