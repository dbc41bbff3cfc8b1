package org.tongpao.federation;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Newer wins for central's master-data snapshots ({@code master.org-unit}, {@code master.item}, {@code master.depot})
 * beyond the inbox: the sequence of the newest snapshot of each record, by code. Central keeps the one it last sent of
 * each record; a provincial node the one it last applied, so that an older snapshot (a parked copy retried late, a
 * copy still queued when the node was rebuilt) changes nothing. The rebuild stream carries central's sequence with
 * each record and the rebuilt node claims it. Every call runs on the caller's transaction.
 *
 * @since 1.2
 */
@ProviderType
public interface SnapshotSequences {
    String ORG_UNIT = "master.org-unit";
    String ITEM = "master.item";
    String DEPOT = "master.depot";

    /** At central: the sequence of the newest snapshot sent of each of {@code codes} (absent: none recorded). */
    Map<String, Long> sent(Connection c, String type, Collection<String> codes) throws SQLException;

    /**
     * At a provincial node: claims central's state {@code seq} of record {@code code} as the newest held here; true
     * when it is newer than what this node applied (now recorded: apply it), false when this node holds that state or
     * a newer one (leave the record as it is).
     */
    boolean claim(Connection c, String type, String code, long seq) throws SQLException;
}
