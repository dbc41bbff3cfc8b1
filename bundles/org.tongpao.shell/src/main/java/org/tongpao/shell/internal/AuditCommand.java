package org.tongpao.shell.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tongpao.core.console.Console;
import org.tongpao.core.console.ConsoleTable;
import org.tongpao.core.persistence.AuditQuery;
import org.tongpao.core.persistence.AuditTrail;

/** {@code tongpao:audit} — who changed what, newest first, with the filters of {@code GET /api/v1/audit}. */
@Service
@Command(scope = "tongpao", name = "audit", description = "Reads the audit trail, newest first "
        + "(e.g. who deactivated a depot: tongpao:audit -e depot -i 12)")
public class AuditCommand implements Action {

    @Option(name = "--entity", aliases = "-e", description = "Audited type, e.g. depot, orgunit, item, lot, shipment")
    String entity;

    @Option(name = "--id", aliases = "-i", description = "The entity's id")
    String entityId;

    @Option(name = "--actor", aliases = "-a", description = "User name")
    String actor;

    @Option(name = "--from", description = "ISO-8601 instant, inclusive, e.g. 2026-02-01T00:00:00Z")
    String from;

    @Option(name = "--to", description = "ISO-8601 instant, exclusive")
    String to;

    @Option(name = "--request", aliases = "-r", description = "The X-Request-Id of the change")
    String requestId;

    @Option(name = "--limit", aliases = "-n", description = "At most this many rows (default 50)")
    int limit = 50;

    @Reference
    AuditTrail audit;

    @Override
    public Object execute() {
        AuditQuery query = new AuditQuery(entity, entityId, actor, instant("--from", from), instant("--to", to),
                requestId);
        ConsoleTable.printPages(new String[] {"Id", "At", "Actor", "Role", "Entity", "Entity id", "Action", "Request"},
                limit, (n, cursor) -> audit.find(Console.caller(), query, n, cursor),
                e -> new Object[] {e.id(), e.at(), e.actor(), e.role(), e.entity(), e.entityId(), e.action(),
                    e.requestId()});
        return null;
    }

    private static Instant instant(String option, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " must be an ISO-8601 instant, e.g. 2026-02-01T00:00:00Z");
        }
    }
}
