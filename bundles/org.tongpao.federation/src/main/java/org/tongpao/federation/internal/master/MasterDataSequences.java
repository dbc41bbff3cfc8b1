package org.tongpao.federation.internal.master;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.federation.Federation;
import org.tongpao.federation.Message;
import org.tongpao.federation.SnapshotSequences;
import org.tongpao.federation.internal.FederationSchema;
import org.tongpao.federation.internal.OutboxHighWater;

/** {@link SnapshotSequences} on {@code tp_fed_snapshot}, the table {@link SnapshotOrder} keeps. */
@Component(service = SnapshotSequences.class)
public class MasterDataSequences implements SnapshotSequences {

    private final SnapshotOrder order;

    /** Active once the federation's schema (the snapshot table) is migrated. */
    @Activate
    public MasterDataSequences(
            @Reference(target = "(" + SchemaReady.PROPERTY + "=" + FederationSchema.NAME + ")") SchemaReady schema) {
        // the calls with a connection run on it; a message's claim joins the inbox's transaction on this source
        this.order = new SnapshotOrder(schema.dataSource());
    }

    @Override
    public Map<String, Long> sent(Connection c, String type, Collection<String> codes) throws SQLException {
        return SnapshotOrder.recorded(c, type, codes);
    }

    @Override
    public boolean claim(Connection c, String type, String code, long seq) throws SQLException {
        return SnapshotOrder.claim(c, type, code, seq, Federation.CENTRAL + "/" + seq);
    }

    @Override
    public boolean claim(String type, String code, Message snapshot) {
        return order.claim(type, code, snapshot);
    }

    @Override
    public void recordSent(Connection c, String type, String code, String messageId) throws SQLException {
        long seq = SnapshotOrder.seq(messageId);
        if (seq >= 0) {
            SnapshotOrder.claim(c, type, code, seq, messageId);
        }
    }

    @Override
    public long current(Connection c) throws SQLException {
        return OutboxHighWater.of(c);
    }
}
