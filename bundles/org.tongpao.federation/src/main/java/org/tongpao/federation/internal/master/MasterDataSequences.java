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
import org.tongpao.federation.SnapshotSequences;
import org.tongpao.federation.internal.FederationSchema;

/** {@link SnapshotSequences} on {@code tp_fed_snapshot}, the table {@link SnapshotOrder} keeps. */
@Component(service = SnapshotSequences.class)
public class MasterDataSequences implements SnapshotSequences {

    /** Active once the federation's schema (the snapshot table) is migrated. */
    @Activate
    public MasterDataSequences(
            @Reference(target = "(" + SchemaReady.PROPERTY + "=" + FederationSchema.NAME + ")") SchemaReady schema) {
        // nothing to keep: every call runs on the caller's connection
    }

    @Override
    public Map<String, Long> sent(Connection c, String type, Collection<String> codes) throws SQLException {
        return SnapshotOrder.recorded(c, type, codes);
    }

    @Override
    public boolean claim(Connection c, String type, String code, long seq) throws SQLException {
        return SnapshotOrder.claim(c, type, code, seq, Federation.CENTRAL + "/" + seq);
    }
}
