package org.tongpao.federation.inventory.internal.rebuild;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tongpao.core.console.Console;

/** {@code tongpao:federation-rebuild} — rebuilds this provincial node from central, or shows how far it got. */
@Service
@Command(scope = "tongpao", name = "federation-rebuild", description = "Rebuilds this provincial node from central"
        + " (master data, then its depots' lots and balances), resuming an interrupted rebuild; --status only shows it")
public class RebuildCommand implements Action {

    @Reference
    Rebuilder rebuilder;

    @Option(name = "--status", description = "Only show the newest rebuild run")
    boolean statusOnly;

    @Override
    public Object execute() {
        if (!statusOnly) {
            rebuilder.runHere(Console.caller(), run -> System.out.println(line(run)));
        }
        System.out.println(rebuilder.status().map(RebuildCommand::line).orElse("this node was never rebuilt"));
        return null;
    }

    static String line(RebuildRun r) {
        return "run " + r.id() + " " + r.state() + ": " + r.rowsApplied() + " of " + Console.orDash(r.rowsExpected())
                + " record(s) in " + r.pages() + " page(s), cursor " + Console.orDash(r.cursor())
                + (r.reservedDropped() > 0 ? ", " + r.reservedDropped() + " reserved unit(s) not restored" : "")
                + (r.lastError() == null ? "" : ", error: " + r.lastError());
    }
}
