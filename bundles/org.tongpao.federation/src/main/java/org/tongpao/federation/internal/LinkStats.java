package org.tongpao.federation.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.tongpao.federation.LinkStatus;

/** A link's state: its backlog and parked messages from the tables, its last activity, the broker connection. */
final class LinkStats {

    private LinkStats() {
    }

    static LinkStatus of(Connection c, String node, boolean connected, LinkActivity activity) throws SQLException {
        OutboxRows.Backlog backlog = OutboxRows.backlog(c, node);
        LinkActivity.Seen seen = activity.of(c, node);
        return new LinkStatus(node, connected, seen.lastSent(), seen.lastReceived(), backlog.count(), backlog.oldest(),
                ParkedRows.openCount(c, node), seen.lagMillis());
    }
}
