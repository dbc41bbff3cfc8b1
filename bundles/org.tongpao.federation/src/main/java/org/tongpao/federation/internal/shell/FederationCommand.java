package org.tongpao.federation.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tongpao.core.console.Console;
import org.tongpao.core.console.ConsoleTable;
import org.tongpao.federation.internal.FederationAdmin;
import org.tongpao.federation.internal.FederationStatus;

/** {@code tongpao:federation} — this node's links: connection, backlog, parked messages, lag. */
@Service
@Command(scope = "tongpao", name = "federation", description = "Shows this node's federation links")
public class FederationCommand implements Action {

    @Reference
    FederationAdmin federation;

    @Override
    public Object execute() {
        FederationStatus status = federation.status(Console.caller());
        System.out.println("Node " + status.node() + ", broker " + Console.orDash(status.broker()) + ": "
                + status.state());
        ConsoleTable.print(new String[] {"Link", "Connected", "Last sent", "Last received", "Backlog", "Oldest unsent",
            "Parked", "Lag ms"}, status.links(), l -> new Object[] {l.node(), l.connected() ? "yes" : "no",
                Console.orDash(l.lastSent()), Console.orDash(l.lastReceived()), l.backlog(),
                Console.orDash(l.oldestUnsent()), l.parked(), l.lagMillis() < 0 ? "-" : l.lagMillis()});
        return null;
    }
}
