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
 * each record and the rebuilt node claims it; a record without one recorded goes with {@link #current} (1.3). Key areas
 * are ordered the same way (1.3). Every call runs on the caller's transaction.
 *
 * @since 1.2
 */
@ProviderType
public interface SnapshotSequences {
    String ORG_UNIT = "master.org-unit";
    String ITEM = "master.item";
    String DEPOT = "master.depot";
    /**
     * Central's key areas ({@code master.key-area}), keyed {@code province:<code>} or {@code unit:<code>}.
     *
     * @since 1.3
     */
    String KEY_AREA = "master.key-area";

    /** At central: the sequence of the newest snapshot sent of each of {@code codes} (absent: none recorded). */
    Map<String, Long> sent(Connection c, String type, Collection<String> codes) throws SQLException;

    /**
     * At a provincial node: claims central's state {@code seq} of record {@code code} as the newest held here; true
     * when it is newer than what this node applied (now recorded: apply it), false when this node holds that state or
     * a newer one (leave the record as it is).
     */
    boolean claim(Connection c, String type, String code, long seq) throws SQLException;

    /**
     * At a provincial node: {@link #claim(Connection, String, String, long)} for snapshot message {@code snapshot}
     * (its sequence: the number after the last {@code /} of its id), on the inbox's transaction, which it joins.
     *
     * @since 1.3
     */
    boolean claim(String type, String code, Message snapshot);

    /**
     * At central: records {@code messageId} (what {@link Federation#send} answered) as the newest snapshot sent of
     * record {@code code}, on the caller's transaction; an older one than recorded changes nothing.
     *
     * @since 1.3
     */
    void recordSent(Connection c, String type, String code, String messageId) throws SQLException;

    /**
     * At central: the sequence of the newest message queued so far. A record with no snapshot recorded (one central
     * last changed before this was kept, or never) was last sent, if ever, with a lower one, and its next change gets
     * a higher one: the rebuild stream hands such a record over with this sequence, so an older snapshot still queued
     * for the province changes nothing, and the next one applies.
     *
     * @since 1.3
     */
    long current(Connection c) throws SQLException;
}
