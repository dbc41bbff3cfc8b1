package org.tongpao.federation.inventory.internal.rebuild;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tongpao.core.Caller;
import org.tongpao.core.Page;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Paging;
import org.tongpao.federation.inventory.internal.transfer.TransferMessages;
import org.tongpao.inventory.CrossNodeTransfer;
import org.tongpao.inventory.CrossNodeTransfers;
import org.tongpao.inventory.Transfer;

/**
 * Central's side of the transfers section: the cross-node transfers still in transit to a depot of the province
 * (central's own dispatches and those it forwarded from another province), so that the rebuilt node can receive
 * them. Read through inventory's {@link CrossNodeTransfers}, keyset on its cursor; the in-transit ones are few (what
 * is on the road now), so filtering them here by the receiving depot's province costs little.
 */
final class TransferSource {
    private final CrossNodeTransfers transfers;

    TransferSource(CrossNodeTransfers transfers) {
        this.transfers = transfers;
    }

    /** Up to {@code limit} transfers in transit to the province after inventory's cursor {@code after}. */
    SectionRows read(Connection c, Caller reader, String province, String after, int limit) throws SQLException {
        Set<String> depots = depots(c, province);
        List<Map<String, Object>> rows = new ArrayList<>();
        String cursor = after;
        do {
            Page<CrossNodeTransfer> page = page(reader, Math.min(limit - rows.size(), Paging.MAX_LIMIT), cursor);
            for (CrossNodeTransfer t : page.items()) {
                if (inbound(t, depots)) {
                    rows.add(TransferMessages.inTransit(t));
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null && rows.size() < limit);
        return new SectionRows(rows, cursor);
    }

    /** Inventory's page after its own cursor; a cursor it does not know is the stream's bad {@code after}. */
    private Page<CrossNodeTransfer> page(Caller reader, int limit, String cursor) {
        try {
            return transfers.crossNodeTransfers(reader, Transfer.Status.IN_TRANSIT, limit, cursor);
        } catch (ValidationException e) {
            throw new ValidationException("after", "not a rebuild cursor: use the nextCursor of the previous page");
        }
    }

    /** How many transfers the section holds, for the first page's manifest. */
    long count(Connection c, Caller reader, String province) throws SQLException {
        Set<String> depots = depots(c, province);
        long n = 0;
        String cursor = null;
        do {
            Page<CrossNodeTransfer> page = page(reader, Paging.MAX_LIMIT, cursor);
            n += page.items().stream().filter(t -> inbound(t, depots)).count();
            cursor = page.nextCursor();
        } while (cursor != null);
        return n;
    }

    /** Going to one of the province's depots; central's own inbound transfers (none to a province) excluded. */
    private static boolean inbound(CrossNodeTransfer t, Set<String> provinceDepots) {
        return t.role() != CrossNodeTransfer.Role.INBOUND && provinceDepots.contains(t.toDepotCode());
    }

    private static Set<String> depots(Connection c, String province) throws SQLException {
        return new HashSet<>(Jdbc.query(c, "SELECT code FROM tp_core_v1_depot WHERE province_code = ?",
                Jdbc.args(province), rs -> rs.getString(1)));
    }
}
