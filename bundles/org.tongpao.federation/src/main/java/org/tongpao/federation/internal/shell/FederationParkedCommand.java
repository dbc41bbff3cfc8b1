package org.tongpao.federation.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tongpao.core.console.Console;
import org.tongpao.core.console.ConsoleTable;
import org.tongpao.federation.internal.FederationAdmin;
import org.tongpao.federation.internal.ParkReason;
import org.tongpao.federation.internal.ParkedMessage;

/** {@code tongpao:federation-parked} — the parked messages (still parked by default), or retry one. */
@Service
@Command(scope = "tongpao", name = "federation-parked",
        description = "Lists parked federation messages; with --retry <seq>, applies one again")
public class FederationParkedCommand implements Action {

    @Reference
    FederationAdmin federation;

    @Option(name = "--link", description = "Only this link's, e.g. province:42")
    String link;

    @Option(name = "--type", description = "Only this message type")
    String type;

    @Option(name = "--reason", description = "NO_HANDLER, NEWER_MAJOR, FAILED or REFUSED")
    ParkReason reason;

    @Option(name = "--all", description = "Also those a retry applied already")
    boolean all;

    @Option(name = "--retry", description = "Apply the parked message with this number again")
    Long retry;

    @Argument(index = 0, name = "max", description = "At most this many rows (default 100)")
    int max = 100;

    @Override
    public Object execute() {
        if (retry != null) {
            ParkedMessage p = federation.retry(Console.caller(), retry);
            System.out.println(p.messageId() + ": " + (p.resolved() != null ? "applied" : "still parked, " + p.reason()
                    + ": " + Console.orDash(p.error())));
            return null;
        }
        ConsoleTable.printPages(new String[] {"#", "Message", "Link", "Type", "Version", "Reason", "Parked at",
            "Attempts", "Resolved", "Error"}, max, (limit, cursor) -> federation.parked(Console.caller(), link, type,
                reason, all ? null : Boolean.FALSE, limit, cursor), p -> new Object[] {p.seq(), p.messageId(),
                p.link(), p.type(), p.version(), p.reason(), p.parkedAt(), p.attempts(), Console.orDash(p.resolved()),
                Console.orDash(p.error())});
        return null;
    }
}
