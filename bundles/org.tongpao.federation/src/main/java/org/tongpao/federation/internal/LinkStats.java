package org.tongpao.federation.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.tongpao.federation.LinkStatus;

/** A link's state from the outbox, inbox and parked tables (and whether the broker is reached now). */
final class LinkStats {

    private LinkStats() {
    }

    static LinkStatus of(Connection c, String node, boolean connected) throws SQLException {
        OutboxRows.Backlog backlog = OutboxRows.backlog(c, node);
        InboxRows.Last last = InboxRows.last(c, node);
        long lag = last == null ? -1 : Math.max(0, Duration.between(last.queuedAt(), last.receivedAt()).toMillis());
        return new LinkStatus(node, connected, OutboxRows.lastSent(c, node), last == null ? null : last.receivedAt(),
                backlog.count(), backlog.oldest(), ParkedRows.openCount(c, node), lag);
    }
}
