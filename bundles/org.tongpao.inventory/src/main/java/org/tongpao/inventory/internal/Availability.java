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
import org.tongpao.inventory.DesignatedStock;
import org.tongpao.inventory.Designation;
import org.tongpao.inventory.Destination;
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

    /** What the depot can give to {@code destination}: undesignated stock and stock designated for it (1.6). */
    long available(Caller caller, long depotId, long itemId, Destination destination) {
        Checks.required("destination", destination);
        return ledger.read(c -> {
            DepotRef d = ledger.core.depot(c, depotId);
            if (d == null || !Scope.canRead(caller, d)) {
                throw new NotFoundException("depot", depotId);
            }
            Designations.Place place = Designations.place(c, destination);
            long sum = 0;
            for (Object[] row : Jdbc.query(c, "SELECT l." + Designations.COLUMNS.replace(", ", ", l.")
                    + ", SUM(b.on_hand - b.reserved) FROM tp_inv_balance b JOIN tp_inv_lot l ON l.id = b.lot_id "
                    + "WHERE b.depot_id = ? AND b.item_id = ? AND b.on_hand - b.reserved > 0 AND "
                    + Expiry.issuable("l", "?") + " GROUP BY l." + Designations.COLUMNS.replace(", ", ", l."),
                    List.of(depotId, itemId, ledger.today()),
                    rs -> new Object[] {Designations.read(rs), rs.getLong(5)})) {
                if (place.admits((Designation) row[0])) {
                    sum += (Long) row[1];
                }
            }
            return sum;
        });
    }

    /** The designated part of the bulk figure: one row per depot × item × designation above 0 (1.6). */
    List<DesignatedStock> designated(Caller caller, Collection<Long> depotIds, Collection<Long> itemIds) {
        List<DesignatedStock> out = new ArrayList<>();
        bulk(caller, depotIds, itemIds, true, (depot, item, designation, q) -> out.add(
                new DesignatedStock(depot, item, designation, q)));
        return out;
    }

    /** One row of a bulk availability read. */
    @FunctionalInterface
    private interface Row {
        void accept(long depotId, long itemId, Designation designation, long available);
    }

    /** Available stock for many depots × items in one read per 500 × 500 ids; see InventoryService. */
    Map<Long, Map<Long, Long>> available(Caller caller, Collection<Long> depotIds, Collection<Long> itemIds) {
        Map<Long, Map<Long, Long>> out = new HashMap<>();
        bulk(caller, depotIds, itemIds, false, (depot, item, designation, q) ->
                out.computeIfAbsent(item, k -> new HashMap<>()).put(depot, q));
        return out;
    }

    /**
     * Reads available stock per depot × item (or, {@code designatedOnly}, per depot × item × designation of the
     * designated lots) in chunks of 500 × 500 ids, leaving out depots the caller cannot see.
     */
    private void bulk(Caller caller, Collection<Long> depotIds, Collection<Long> itemIds, boolean designatedOnly,
            Row sink) {
        List<Long> depots = Checks.ids("depotIds", depotIds, MAX_BULK);
        List<Long> items = Checks.ids("itemIds", itemIds, MAX_BULK);
        if (depots.isEmpty() || items.isEmpty()) {
            return;
        }
        String designation = designatedOnly ? ", l." + Designations.COLUMNS.replace(", ", ", l.") : "";
        LocalDate today = ledger.today();
        ledger.read(c -> {
            for (int d = 0; d < depots.size(); d += CHUNK) {
                List<Long> dc = depots.subList(d, Math.min(depots.size(), d + CHUNK));
                for (int i = 0; i < items.size(); i += CHUNK) {
                    List<Long> ic = items.subList(i, Math.min(items.size(), i + CHUNK));
                    List<Object> args = new ArrayList<>(ic);
                    args.addAll(dc);
                    args.add(today);
                    Jdbc.query(c, "SELECT b.item_id, b.depot_id, d.code, d.province_code, SUM(b.on_hand - b.reserved) AS q"
                            + designation + " "
                            + "FROM tp_inv_balance b JOIN tp_inv_lot l ON l.id = b.lot_id "
                            + "JOIN tp_core_v1_depot d ON d.id = b.depot_id "
                            + "WHERE d.active = TRUE AND b.item_id IN (" + marks(ic.size()) + ") AND b.depot_id IN ("
                            + marks(dc.size()) + ") AND " + Expiry.issuable("l", "?")
                            + (designatedOnly ? " AND l.designation_kind IS NOT NULL" : "")
                            + " GROUP BY b.item_id, b.depot_id, d.code, d.province_code" + designation + " "
                            + "HAVING SUM(b.on_hand - b.reserved) > 0", args, rs -> {
                                DepotRef depot = new DepotRef(rs.getLong(2), rs.getString(3), rs.getString(4), true);
                                if (Scope.canRead(caller, depot)) {
                                    sink.accept(depot.id(), rs.getLong(1),
                                            designatedOnly ? Designations.read(rs) : null, rs.getLong(5));
                                }
                                return null;
                            });
                }
            }
            return null;
        });
    }

    private static String marks(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }
}
