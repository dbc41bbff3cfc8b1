package org.tongpao.inventory.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tongpao.core.Caller;
import org.tongpao.core.Checks;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.inventory.internal.Scope.DepotRef;

/** Issuable stock as {@link org.tongpao.inventory.InventoryService#available} reports it. */
final class Availability {
    static final int MAX_BULK = 10_000;
    private static final int CHUNK = 500;

    private final Ledger ledger;

    Availability(Ledger ledger) {
        this.ledger = ledger;
    }

    long available(Caller caller, long depotId, long itemId) {
        return ledger.read(c -> {
            DepotRef d = ledger.core.depot(c, depotId);
            if (d == null || !Scope.canRead(caller, d)) {
                throw new NotFoundException("depot", depotId);
            }
            return ledger.balances.available(c, depotId, itemId, ledger.today());
        });
    }

    long available(Caller caller, long depotId, long itemId, org.tongpao.inventory.Destination destination) {
        throw new UnsupportedOperationException("in progress");
    }

    List<org.tongpao.inventory.DesignatedStock> designated(Caller caller, Collection<Long> depotIds,
            Collection<Long> itemIds) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Available stock for many depots × items in one read per 500 × 500 ids; see InventoryService. */
    Map<Long, Map<Long, Long>> available(Caller caller, Collection<Long> depotIds, Collection<Long> itemIds) {
        List<Long> depots = Checks.ids("depotIds", depotIds, MAX_BULK);
        List<Long> items = Checks.ids("itemIds", itemIds, MAX_BULK);
        Map<Long, Map<Long, Long>> out = new HashMap<>();
        if (depots.isEmpty() || items.isEmpty()) {
            return out;
        }
        LocalDate today = ledger.today();
        ledger.read(c -> {
            for (int d = 0; d < depots.size(); d += CHUNK) {
                List<Long> dc = depots.subList(d, Math.min(depots.size(), d + CHUNK));
                for (int i = 0; i < items.size(); i += CHUNK) {
                    List<Long> ic = items.subList(i, Math.min(items.size(), i + CHUNK));
                    List<Object> args = new ArrayList<>(ic);
                    args.addAll(dc);
                    args.add(today);
                    Jdbc.query(c, "SELECT b.item_id, b.depot_id, d.code, d.province_code, SUM(b.on_hand - b.reserved) "
                            + "FROM tp_inv_balance b JOIN tp_inv_lot l ON l.id = b.lot_id "
                            + "JOIN tp_core_v1_depot d ON d.id = b.depot_id "
                            + "WHERE d.active = TRUE AND b.item_id IN (" + marks(ic.size()) + ") AND b.depot_id IN ("
                            + marks(dc.size()) + ") AND " + Expiry.issuable("l", "?")
                            + " GROUP BY b.item_id, b.depot_id, d.code, d.province_code "
                            + "HAVING SUM(b.on_hand - b.reserved) > 0", args, rs -> {
                                DepotRef depot = new DepotRef(rs.getLong(2), rs.getString(3), rs.getString(4), true);
                                if (Scope.canRead(caller, depot)) {
                                    out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(depot.id(),
                                            rs.getLong(5));
                                }
                                return null;
                            });
                }
            }
            return null;
        });
        return out;
    }

    private static String marks(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }
}
